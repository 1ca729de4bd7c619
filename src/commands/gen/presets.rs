//! The ready event shapes of `eddy gen --preset`: clickstream, orders, payments, sensors
//! and logs. They are written straight to JSON bytes, with no jq per event, so that
//! generating is never what limits a load test. Keys are skewed the way real traffic is
//! (a few users, products and services get most events: Zipf), event times lag a little
//! behind the clock (and now and then a lot, for lateness demos), and everything drawn
//! comes from the event's own generator, so `--seed` and `--start` pin the output.
//! Over 700 lines because each of the five presets is a table of field values and its
//! writer, kept side by side so that an event's shape can be read in one place.

use crate::jq::write_json_str;
use crate::random::{self, Rng, Zipf};
use crate::times::format_rfc3339;

/// What an event is generated from.
#[derive(Debug, Clone, Copy)]
pub struct Event {
    pub seed: u64,
    pub i: u64,
    /// Its point on the clock, epoch ms.
    pub now: i64,
    /// When the run started on that clock (for drift), epoch ms.
    pub origin: i64,
}

/// A preset: its name, what it is, its fields, and how to write one event.
pub struct Preset {
    pub name: &'static str,
    pub about: &'static str,
    pub fields: &'static [(&'static str, &'static str)],
    write: fn(&Skew, &Event, &mut Vec<u8>),
}

impl std::fmt::Debug for Preset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

impl Preset {
    /// Appends one event as a line of compact JSON (without the newline).
    pub fn write(&self, skew: &Skew, event: &Event, out: &mut Vec<u8>) {
        (self.write)(skew, event, out);
    }
}

/// The key distributions, set up once per run.
#[derive(Debug)]
pub struct Skew {
    users: Zipf,
    products: Zipf,
    customers: Zipf,
    cards: Zipf,
    merchants: Zipf,
    services: Zipf,
}

impl Default for Skew {
    fn default() -> Self {
        let z = |n, s| Zipf::new(n, s).unwrap_or_else(|| unreachable!("constant parameters are valid"));
        Skew {
            users: z(50_000, 1.05),
            products: z(5_000, 1.15),
            customers: z(20_000, 1.0),
            cards: z(100_000, 0.8),
            merchants: z(800, 1.1),
            services: z(SERVICES.len() as u64, 0.9),
        }
    }
}

pub fn find(name: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.name == name)
}

pub fn names() -> String {
    PRESETS.iter().map(|p| p.name).collect::<Vec<_>>().join(", ")
}

/// `--list-presets`: each preset's fields and an example event.
pub fn describe() -> String {
    let skew = Skew::default();
    let mut text = String::new();
    for p in PRESETS {
        text.push_str(&format!("{}: {}\n", p.name, p.about));
        let width = p.fields.iter().map(|(n, _)| n.len()).max().unwrap_or(0);
        for (name, what) in p.fields {
            text.push_str(&format!("  {name:width$}  {what}\n"));
        }
        let mut example = Vec::new();
        let now = 1_798_790_400_000; // 2027-01-01T09:20:00Z: any fixed time will do.
        p.write(
            &skew,
            &Event {
                seed: 1,
                i: 0,
                now,
                origin: now,
            },
            &mut example,
        );
        text.push_str(&format!("  example: {}\n\n", String::from_utf8_lossy(&example)));
    }
    text
}

/// A JSON object written field by field.
struct Obj<'a> {
    out: &'a mut Vec<u8>,
    first: bool,
}

impl<'a> Obj<'a> {
    fn new(out: &'a mut Vec<u8>) -> Self {
        out.push(b'{');
        Obj { out, first: true }
    }

    fn key(&mut self, k: &str) -> &mut Vec<u8> {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
        self.out.push(b'"');
        self.out.extend_from_slice(k.as_bytes());
        self.out.extend_from_slice(b"\":");
        self.out
    }

    fn str(&mut self, k: &str, v: &str) -> &mut Self {
        let out = self.key(k);
        write_json_str(out, v);
        self
    }

    fn int(&mut self, k: &str, v: i64) -> &mut Self {
        let out = self.key(k);
        out.extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
        self
    }

    /// A number with two decimals, from hundredths (money, readings).
    fn cents(&mut self, k: &str, v: i64) -> &mut Self {
        let out = self.key(k);
        push_cents(out, v);
        self
    }

    fn bool(&mut self, k: &str, v: bool) -> &mut Self {
        self.key(k).extend_from_slice(if v { b"true" } else { b"false" });
        self
    }

    fn opt_str(&mut self, k: &str, v: Option<&str>) -> &mut Self {
        match v {
            Some(s) => self.str(k, s),
            None => {
                self.key(k).extend_from_slice(b"null");
                self
            }
        }
    }

    fn raw(&mut self, k: &str, json: &[u8]) -> &mut Self {
        self.key(k).extend_from_slice(json);
        self
    }

    fn end(&mut self) {
        self.out.push(b'}');
    }
}

fn push_cents(out: &mut Vec<u8>, v: i64) {
    if v < 0 {
        out.push(b'-');
    }
    let a = v.unsigned_abs();
    out.extend_from_slice(itoa::Buffer::new().format(a / 100).as_bytes());
    out.push(b'.');
    out.push(b'0' + (a % 100 / 10) as u8);
    out.push(b'0' + (a % 10) as u8);
}

/// Hundredths of a float, rounded.
fn hundredths(x: f64) -> i64 {
    if x.is_finite() {
        libm::round(x * 100.0) as i64
    } else {
        0
    }
}

/// A generator for a thing (a product's price, a card's country): the same thing always
/// gets the same attributes, whatever the event. Each preset's events draw from their
/// own kind too, so that two presets under one seed do not share ids.
fn trait_of(seed: u64, kind: u64, id: u64) -> Rng {
    Rng::for_event(seed ^ kind.wrapping_mul(0x2545_f491_4f6c_dd1d), id)
}

/// How far an event's time lags the clock: mostly a little, sometimes seconds, rarely a
/// minute or more (late events, for windowing with --lateness).
fn lag(r: &mut Rng) -> i64 {
    match r.below(1000) {
        0..=899 => r.int_between(0, 250),
        900..=989 => r.int_between(250, 5_000),
        _ => r.int_between(5_000, 120_000),
    }
}

fn weighted<'a>(r: &mut Rng, items: &'a [(&'a str, f64)]) -> &'a str {
    let i = r.weighted_index(items.iter().map(|(_, w)| *w)).unwrap_or(0);
    items[i].0
}

const COUNTRIES: &[(&str, f64)] = &[
    ("US", 30.0),
    ("DE", 12.0),
    ("GB", 10.0),
    ("FR", 8.0),
    ("IN", 8.0),
    ("BR", 5.0),
    ("JP", 5.0),
    ("NL", 4.0),
    ("ES", 4.0),
    ("IT", 4.0),
    ("CA", 4.0),
    ("PL", 3.0),
    ("SE", 2.0),
    ("AU", 1.0),
];

fn currency(country: &str) -> &'static str {
    match country {
        "US" => "USD",
        "GB" => "GBP",
        "IN" => "INR",
        "BR" => "BRL",
        "JP" => "JPY",
        "CA" => "CAD",
        "PL" => "PLN",
        "SE" => "SEK",
        "AU" => "AUD",
        _ => "EUR",
    }
}

pub static PRESETS: &[Preset] = &[
    Preset {
        name: "clickstream",
        about: "user interactions on a web shop; key by user_id or session_id",
        fields: &[
            ("event_id", "a UUID"),
            (
                "ts",
                "event time, epoch ms: a little behind the clock, about 1% a minute or more late",
            ),
            (
                "user_id",
                "u-000001 ... u-050000, Zipf-skewed: a few users make most events",
            ),
            ("session_id", "stable for a user within a 30-minute bucket"),
            (
                "action",
                "view, click, scroll, search, add_to_cart, remove_from_cart, purchase",
            ),
            (
                "page",
                "/, /search, /category/NAME, /product/N (skewed), /cart, /checkout, /account",
            ),
            (
                "referrer",
                "null (direct) or a search engine, social site, newsletter or ad",
            ),
            ("device", "mobile, desktop, tablet"),
            ("country", "ISO 3166 code, weighted"),
            ("duration_ms", "time on the page, exponential around 8 s"),
        ],
        write: clickstream,
    },
    Preset {
        name: "orders",
        about: "orders of a web shop with line items; key by customer_id or order_id",
        fields: &[
            ("order_id", "ord- and 12 hex digits"),
            ("ts", "event time, epoch ms"),
            ("customer_id", "c-00001 ... c-20000, Zipf-skewed"),
            ("status", "created, paid, shipped, delivered, cancelled, refunded"),
            (
                "items",
                "1 to 5 lines of {sku, qty, price}: skus Zipf-skewed, a sku always has one price",
            ),
            ("total", "the sum of qty x price, two decimals"),
            ("currency", "the currency of the country"),
            ("country", "ISO 3166 code, weighted"),
            ("payment_method", "card, paypal, apple_pay, klarna, bank_transfer"),
            ("shipping", "standard, express, pickup"),
            ("coupon", "null or a code (about 12%)"),
        ],
        write: orders,
    },
    Preset {
        name: "payments",
        about: "card transactions with about 2% suspicious ones for fraud-detection demos \
                (find them with select(.suspicious)); key by card_id",
        fields: &[
            ("txn_id", "a UUID"),
            ("ts", "event time, epoch ms"),
            ("card_id", "card-000001 ... card-100000, skewed"),
            ("card_country", "where the card was issued (always the same for a card)"),
            ("merchant_id", "m-0001 ... m-0800, Zipf-skewed"),
            ("category", "the merchant's category (always the same for a merchant)"),
            ("amount", "log-normal around 30, two decimals"),
            ("currency", "the currency of the country"),
            ("country", "where the card was used: mostly its own country"),
            ("channel", "pos, contactless, online, atm"),
            ("status", "approved or declined"),
            (
                "risk_score",
                "0-100, high for most suspicious transactions but not only for them",
            ),
            ("suspicious", "true for the planted fraud patterns"),
            (
                "fraud_pattern",
                "null, large_amount (thousands), foreign_country (far from the card's country, online) \
                 or rapid_repeat (one card, several small online payments in a row: card testing)",
            ),
        ],
        write: payments,
    },
    Preset {
        name: "sensors",
        about: "IoT readings with daily cycles, slow drift, noise and outliers; key by sensor_id",
        fields: &[
            ("sensor_id", "sensor-0000 ... sensor-0499"),
            ("site", "plant-01 ... plant-12 (always the same for a sensor)"),
            ("kind", "temperature, humidity, pressure, vibration"),
            ("unit", "C, %, hPa, mm/s"),
            (
                "ts",
                "event time, epoch ms: devices buffer, so some arrive minutes late",
            ),
            (
                "value",
                "base + daily cycle + drift since the start + noise; about 0.5% outliers",
            ),
            ("battery", "percent, falling slowly"),
            ("firmware", "a version (always the same for a sensor)"),
            ("status", "ok, or error (about 0.3%, with value null)"),
        ],
        write: sensors,
    },
    Preset {
        name: "logs",
        about: "structured service logs with HTTP access lines; key by service or trace_id",
        fields: &[
            ("time", "RFC 3339 with milliseconds"),
            ("ts", "the same as epoch ms"),
            ("level", "debug, info, warn, error (about 4%), fatal (rare)"),
            ("service", "one of 12 services, Zipf-skewed"),
            ("host", "SERVICE-N, a few pods per service"),
            ("trace_id", "32 hex digits"),
            ("method", "GET, POST, PUT, DELETE"),
            ("path", "the request path"),
            ("status", "HTTP status: 5xx with errors, 4xx with some warnings"),
            ("latency_ms", "log-normal around 40 ms, slower for errors"),
            ("user_id", "null or u-NNNNNN"),
            ("message", "what happened, in words"),
        ],
        write: logs,
    },
];

fn clickstream(skew: &Skew, e: &Event, out: &mut Vec<u8>) {
    let r = &mut trait_of(e.seed, 100, e.i);
    let mut id = String::with_capacity(36);
    r.uuid(&mut id);
    let user = skew.users.sample(r);
    let session = trait_of(e.seed, 1, user ^ ((e.now / 1_800_000) as u64).wrapping_shl(20)).next_u64();
    let mut session_id = String::from("s-");
    for b in &session.to_be_bytes()[..6] {
        random::push_hex(&mut session_id, *b);
    }
    let action = weighted(
        r,
        &[
            ("view", 55.0),
            ("click", 20.0),
            ("scroll", 10.0),
            ("search", 6.0),
            ("add_to_cart", 5.0),
            ("remove_from_cart", 1.5),
            ("purchase", 2.5),
        ],
    );
    let page = match action {
        "purchase" => "/checkout".to_string(),
        "search" => "/search".to_string(),
        "add_to_cart" | "remove_from_cart" => format!("/product/{}", skew.products.sample(r)),
        _ => match r.below(10) {
            0 => "/".to_string(),
            1 => format!(
                "/category/{}",
                r.pick(&["shoes", "books", "garden", "kitchen", "toys", "sports"])
            ),
            2 => "/cart".to_string(),
            3 => "/account".to_string(),
            _ => format!("/product/{}", skew.products.sample(r)),
        },
    };
    let referrer = match r.below(100) {
        0..=44 => None,
        45..=74 => Some("https://www.google.com/"),
        75..=79 => Some("https://www.bing.com/"),
        80..=87 => Some("https://t.co/"),
        88..=93 => Some("https://www.facebook.com/"),
        94..=97 => Some("newsletter"),
        _ => Some("https://ads.example.net/"),
    };
    let device = weighted(r, &[("mobile", 55.0), ("desktop", 38.0), ("tablet", 7.0)]);
    let country = weighted(r, COUNTRIES);
    let duration = r.exponential(8000.0) as i64;
    let ts = e.now - lag(r);
    Obj::new(out)
        .str("event_id", &id)
        .int("ts", ts)
        .str("user_id", &format!("u-{user:06}"))
        .str("session_id", &session_id)
        .str("action", action)
        .str("page", &page)
        .opt_str("referrer", referrer)
        .str("device", device)
        .str("country", country)
        .int("duration_ms", duration)
        .end();
}

fn orders(skew: &Skew, e: &Event, out: &mut Vec<u8>) {
    let r = &mut trait_of(e.seed, 101, e.i);
    let mut id = String::from("ord-");
    r.hex(12, &mut id);
    let customer = skew.customers.sample(r);
    let status = weighted(
        r,
        &[
            ("created", 55.0),
            ("paid", 22.0),
            ("shipped", 11.0),
            ("delivered", 8.0),
            ("cancelled", 3.0),
            ("refunded", 1.0),
        ],
    );
    let lines = 1 + [0u64, 0, 0, 0, 1, 1, 1, 2, 2, 3, 4][r.below(11) as usize];
    let mut items = vec![b'['];
    let mut total = 0i64;
    for k in 0..lines {
        let sku = skew.products.sample(r);
        let price = 199 + trait_of(e.seed, 2, sku).below(19_800) as i64;
        let qty = 1 + [0i64, 0, 0, 0, 0, 1, 1, 2][r.below(8) as usize];
        total += price * qty;
        if k > 0 {
            items.push(b',');
        }
        Obj::new(&mut items)
            .str("sku", &format!("sku-{sku:05}"))
            .int("qty", qty)
            .cents("price", price)
            .end();
    }
    items.push(b']');
    let country = weighted(r, COUNTRIES);
    let payment = weighted(
        r,
        &[
            ("card", 55.0),
            ("paypal", 20.0),
            ("apple_pay", 12.0),
            ("klarna", 8.0),
            ("bank_transfer", 5.0),
        ],
    );
    let shipping = weighted(r, &[("standard", 70.0), ("express", 20.0), ("pickup", 10.0)]);
    let coupon = r
        .chance(0.12)
        .then(|| *r.pick(&["SAVE10", "WELCOME", "FREESHIP", "BLACKFRIDAY", "VIP20"]));
    let ts = e.now - lag(r);
    Obj::new(out)
        .str("order_id", &id)
        .int("ts", ts)
        .str("customer_id", &format!("c-{customer:05}"))
        .str("status", status)
        .raw("items", &items)
        .cents("total", total)
        .str("currency", currency(country))
        .str("country", country)
        .str("payment_method", payment)
        .str("shipping", shipping)
        .opt_str("coupon", coupon)
        .end();
}

const CATEGORIES: &[&str] = &[
    "grocery",
    "restaurants",
    "fuel",
    "electronics",
    "clothing",
    "travel",
    "pharmacy",
    "entertainment",
    "utilities",
    "jewelry",
    "gaming",
    "hotels",
];

/// Countries far from most cards' home, for the foreign_country pattern.
const FAR_COUNTRIES: &[&str] = &["NG", "RU", "VN", "ID", "PH", "UA", "KZ", "PE"];

/// One in this many blocks of 64 events holds a burst of card testing.
const BURST_BLOCK: u64 = 64;

fn payments(skew: &Skew, e: &Event, out: &mut Vec<u8>) {
    let r = &mut trait_of(e.seed, 102, e.i);
    let mut id = String::with_capacity(36);
    r.uuid(&mut id);
    // Card testing: some blocks of 64 events start with a run of small online payments
    // by one card. Decided per block, so the run is there whatever thread writes it.
    let block = e.i / BURST_BLOCK;
    let burst_card = {
        let b = &mut trait_of(e.seed, 3, block);
        (b.chance(0.06) && e.i % BURST_BLOCK < 3 + b.below(5)).then(|| 1 + b.below(100_000))
    };
    let mut card = skew.cards.sample(r);
    let mut merchant = skew.merchants.sample(r);
    let mut amount = hundredths(libm::exp(r.normal(3.4, 0.9)));
    let mut channel = weighted(
        r,
        &[("pos", 40.0), ("contactless", 30.0), ("online", 25.0), ("atm", 5.0)],
    );
    let mut pattern = None;
    if let Some(c) = burst_card {
        card = c;
        merchant = 1 + trait_of(e.seed, 4, block).below(800);
        amount = r.int_between(100, 500);
        channel = "online";
        pattern = Some("rapid_repeat");
    }
    let card_country = weighted(&mut trait_of(e.seed, 5, card), COUNTRIES);
    let category = CATEGORIES[trait_of(e.seed, 6, merchant).below(CATEGORIES.len() as u64) as usize];
    let mut country = if r.chance(0.97) {
        card_country
    } else {
        weighted(r, COUNTRIES)
    };
    if pattern.is_none() {
        match r.below(1000) {
            0..=5 => {
                amount = r.int_between(200_000, 999_999);
                pattern = Some("large_amount");
            }
            6..=11 => {
                country = *r.pick(FAR_COUNTRIES);
                channel = "online";
                pattern = Some("foreign_country");
            }
            _ => {}
        }
    }
    let suspicious = pattern.is_some();
    let risk = if suspicious {
        r.int_between(55, 99)
    } else {
        (r.exponential(12.0) as i64).min(90)
    };
    let status = if r.chance(if suspicious { 0.35 } else { 0.025 }) {
        "declined"
    } else {
        "approved"
    };
    let ts = e.now - lag(r);
    Obj::new(out)
        .str("txn_id", &id)
        .int("ts", ts)
        .str("card_id", &format!("card-{card:06}"))
        .str("card_country", card_country)
        .str("merchant_id", &format!("m-{merchant:04}"))
        .str("category", category)
        .cents("amount", amount)
        .str("currency", currency(country))
        .str("country", country)
        .str("channel", channel)
        .str("status", status)
        .int("risk_score", risk)
        .bool("suspicious", suspicious)
        .opt_str("fraud_pattern", pattern)
        .end();
}

fn sensors(_skew: &Skew, e: &Event, out: &mut Vec<u8>) {
    let r = &mut trait_of(e.seed, 103, e.i);
    let sensor = r.below(500);
    let t = &mut trait_of(e.seed, 7, sensor);
    let (kind, unit, base, cycle, noise) = match sensor % 4 {
        0 => ("temperature", "C", 18.0 + t.f64() * 10.0, 3.0, 0.3),
        1 => ("humidity", "%", 35.0 + t.f64() * 30.0, 8.0, 1.0),
        2 => ("pressure", "hPa", 1005.0 + t.f64() * 15.0, 2.0, 0.5),
        _ => ("vibration", "mm/s", 2.0 + t.f64() * 3.0, 0.5, 0.4),
    };
    let site = 1 + t.below(12);
    let drift_per_hour = t.normal(0.0, noise * 0.5);
    let firmware = *t.pick(&["1.4.2", "1.5.0", "1.5.1", "2.0.0-rc1"]);
    let battery_start = 60.0 + t.f64() * 40.0;
    let hours = (e.now - e.origin) as f64 / 3_600_000.0;
    let day = (e.now.rem_euclid(86_400_000)) as f64 / 86_400_000.0;
    let mut value = base
        + cycle * libm::sin(2.0 * std::f64::consts::PI * (day + t.f64()))
        + drift_per_hour * hours
        + r.normal(0.0, noise);
    if r.chance(0.005) {
        let sign = if r.chance(0.5) { 1.0 } else { -1.0 };
        value += sign * noise * (8.0 + r.f64() * 7.0);
    }
    let error = r.chance(0.003);
    let battery = (battery_start - hours * 0.05).max(1.0);
    let ts = e.now
        - if r.chance(0.02) {
            r.int_between(30_000, 600_000)
        } else {
            r.int_between(0, 2_000)
        };
    let mut obj = Obj::new(out);
    obj.str("sensor_id", &format!("sensor-{sensor:04}"))
        .str("site", &format!("plant-{site:02}"))
        .str("kind", kind)
        .str("unit", unit)
        .int("ts", ts);
    if error {
        obj.raw("value", b"null");
    } else {
        obj.cents("value", hundredths(value));
    }
    obj.cents("battery", hundredths(battery))
        .str("firmware", firmware)
        .str("status", if error { "error" } else { "ok" })
        .end();
}

const SERVICES: &[&str] = &[
    "api-gateway",
    "catalog",
    "search",
    "cart",
    "users",
    "auth",
    "checkout",
    "recommendations",
    "inventory",
    "payments",
    "shipping",
    "notifications",
];

fn logs(skew: &Skew, e: &Event, out: &mut Vec<u8>) {
    let r = &mut trait_of(e.seed, 104, e.i);
    let service = SERVICES[(skew.services.sample(r) - 1) as usize];
    let pod = r.below(2 + (service.len() as u64 % 4));
    let level = weighted(
        r,
        &[
            ("debug", 8.0),
            ("info", 75.0),
            ("warn", 12.7),
            ("error", 4.2),
            ("fatal", 0.1),
        ],
    );
    let mut trace = String::with_capacity(32);
    r.hex(32, &mut trace);
    let (method, path) = *r.pick(&[
        ("GET", "/api/v1/products"),
        ("GET", "/api/v1/products/{id}"),
        ("GET", "/api/v1/search"),
        ("POST", "/api/v1/cart/items"),
        ("DELETE", "/api/v1/cart/items/{id}"),
        ("POST", "/api/v1/checkout"),
        ("GET", "/api/v1/users/{id}"),
        ("PUT", "/api/v1/users/{id}"),
        ("POST", "/api/v1/login"),
        ("GET", "/healthz"),
    ]);
    let path = path.replace("{id}", &r.below(100_000).to_string());
    let mut latency = libm::exp(r.normal(3.7, 0.7));
    let status: i64 = match level {
        "error" | "fatal" => {
            latency *= 4.0;
            *r.pick(&[500, 502, 503, 504])
        }
        "warn" if r.chance(0.6) => *r.pick(&[400, 401, 403, 404, 409, 429]),
        "warn" => {
            latency *= 10.0;
            200
        }
        _ => *r.pick(&[200, 200, 200, 200, 200, 201, 204, 304]),
    };
    let latency = latency as i64;
    let user = r.chance(0.7).then(|| format!("u-{:06}", skew.users.sample(r)));
    let message = match (level, status) {
        ("fatal", _) => format!("{service} out of memory, restarting"),
        ("error", 504) => format!("upstream timeout after {latency} ms calling {}", r.pick(SERVICES)),
        ("error", _) => format!(
            "{method} {path} failed: {}",
            r.pick(&[
                "connection reset",
                "pool exhausted",
                "deadlock detected",
                "null field 'id'"
            ])
        ),
        ("warn", 200) => format!("slow request: {method} {path} took {latency} ms"),
        ("warn", s) => format!("{method} {path} rejected with {s}"),
        ("debug", _) => format!("cache {} for key {}", r.pick(&["hit", "miss"]), r.below(10_000)),
        _ => format!("{method} {path} {status} in {latency} ms"),
    };
    let ts = e.now - r.int_between(0, 50);
    Obj::new(out)
        .str("time", &format_rfc3339(ts))
        .int("ts", ts)
        .str("level", level)
        .str("service", service)
        .str("host", &format!("{service}-{pod}"))
        .str("trace_id", &trace)
        .str("method", method)
        .str("path", &path)
        .int("status", status)
        .int("latency_ms", latency)
        .opt_str("user_id", user.as_deref())
        .str("message", &message)
        .end();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(name: &str, n: u64) -> Vec<serde_json::Value> {
        let p = find(name).expect("preset");
        let skew = Skew::default();
        (0..n)
            .map(|i| {
                let mut out = Vec::new();
                p.write(
                    &skew,
                    &Event {
                        seed: 9,
                        i,
                        now: 1_798_790_400_000 + i as i64,
                        origin: 1_798_790_400_000,
                    },
                    &mut out,
                );
                serde_json::from_slice(&out)
                    .unwrap_or_else(|e| panic!("{name}: {e}: {}", String::from_utf8_lossy(&out)))
            })
            .collect()
    }

    #[test]
    fn every_preset_writes_valid_varied_json() {
        for p in PRESETS {
            let evs = events(p.name, 2000);
            let first = evs[0].as_object().expect("object");
            let names: Vec<&str> = p.fields.iter().map(|(n, _)| *n).collect();
            assert_eq!(
                first.keys().map(String::as_str).collect::<Vec<_>>(),
                names,
                "{}",
                p.name
            );
            for field in names {
                let distinct: std::collections::BTreeSet<String> = evs.iter().map(|e| e[field].to_string()).collect();
                assert!(distinct.len() >= 2, "{}.{field} never varies", p.name);
            }
        }
    }

    #[test]
    fn payments_plant_each_fraud_pattern() {
        let evs = events("payments", 20_000);
        let suspicious = evs.iter().filter(|e| e["suspicious"] == true).count();
        assert!((100..2000).contains(&suspicious), "{suspicious}");
        for pattern in ["large_amount", "foreign_country", "rapid_repeat"] {
            assert!(evs.iter().any(|e| e["fraud_pattern"] == pattern), "{pattern}");
        }
    }

    #[test]
    fn the_descriptions_show_an_example_of_each() {
        let text = describe();
        for p in PRESETS {
            assert!(text.contains(&format!("{}: ", p.name)));
        }
        assert_eq!(text.matches("example: {").count(), PRESETS.len());
    }
}
