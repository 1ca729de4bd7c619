//! The SSL listener's certificates: a CA made for this one cluster and a server
//! certificate it signs for 127.0.0.1 and localhost (so that librdkafka verifies the host
//! name), with the `openssl` command as `scripts/kafka` makes them. Kafka reads the key
//! and chain from one PEM file, so no Java keystore is needed. EC P-256 keys: as widely
//! accepted as RSA and far quicker to make. Without `openssl` there is no SSL listener.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::kafka::apache::config::HOST;

/// The files of a made CA: what clients trust, and the broker's keystore.
#[derive(Debug, Clone)]
pub struct Certificates {
    pub ca: PathBuf,
    pub keystore: PathBuf,
}

/// Makes the certificates in `dir`; `Err` says why there are none (openssl missing or
/// failing), for one line on stderr.
pub fn make(dir: &Path) -> Result<Certificates, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let ext = format!(
        "subjectAltName=IP:{HOST},DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n\
         extendedKeyUsage=serverAuth\n"
    );
    std::fs::write(dir.join("server.ext"), ext).map_err(|e| e.to_string())?;
    let ec = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-sha256",
    ];
    let steps: [Vec<&str>; 3] = [
        [
            &["req", "-x509"][..],
            &ec,
            &["-days", "30", "-subj", "/CN=eddy dev CA"],
            &["-addext", "basicConstraints=critical,CA:TRUE"],
            &["-addext", "keyUsage=critical,keyCertSign,cRLSign"],
            &["-keyout", "ca.key", "-out", "ca.pem"],
        ]
        .concat(),
        [
            &["req"][..],
            &ec,
            &["-subj", "/CN=127.0.0.1", "-keyout", "server.key", "-out", "server.csr"],
        ]
        .concat(),
        vec![
            "x509",
            "-req",
            "-sha256",
            "-days",
            "30",
            "-in",
            "server.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-extfile",
            "server.ext",
            "-out",
            "server.crt",
        ],
    ];
    for args in steps {
        let out = Command::new("openssl")
            .args(&args)
            .current_dir(dir)
            .stdin(Stdio::null())
            .output()
            .map_err(|e| format!("openssl: {e}"))?;
        if !out.status.success() {
            let err = String::from_utf8_lossy(&out.stderr);
            return Err(format!(
                "openssl {}: {}",
                args[0],
                err.lines().next().unwrap_or("failed")
            ));
        }
    }
    // The keystore: the unencrypted PKCS#8 key, then the chain.
    let mut pem = Vec::new();
    for part in ["server.key", "server.crt", "ca.pem"] {
        pem.extend(std::fs::read(dir.join(part)).map_err(|e| format!("{part}: {e}"))?);
    }
    let keystore = dir.join("server.pem");
    std::fs::write(&keystore, pem).map_err(|e| e.to_string())?;
    Ok(Certificates {
        ca: dir.join("ca.pem"),
        keystore,
    })
}
