import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { itemIdentity, type StockShape } from '../../../shared/rules/stock-shape';
import { contentKey, ContentRoot, itemContentHash } from '../services/content';
import { appendLedger } from '../services/ledger';
import { identityFingerprint } from './stock-fingerprint';

/**
 * Ordered, append-only list of schema steps. `PRAGMA user_version` = number of steps applied.
 * Never edit a shipped step; add a new one.
 */
export const MIGRATIONS: ReadonlyArray<(db: Database.Database) => void> = [
  // 1: shops, settings, imports, orders with their lines and change history
  (db) => {
    db.exec(`
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE shops (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      );
      CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        shop_id INTEGER NOT NULL REFERENCES shops(id),
        file TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        format TEXT NOT NULL,
        encoding TEXT,
        rows INTEGER NOT NULL,
        new INTEGER NOT NULL,
        updated INTEGER NOT NULL,
        unchanged INTEGER NOT NULL,
        damaged INTEGER NOT NULL,
        headers TEXT NOT NULL,
        imported_at TEXT NOT NULL
      );
      CREATE INDEX imports_shop ON imports(shop_id, id);
      CREATE TABLE orders (
        id INTEGER PRIMARY KEY,
        shop_id INTEGER NOT NULL REFERENCES shops(id),
        order_key TEXT NOT NULL,
        order_no TEXT NOT NULL,
        damaged INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL,
        after_sale TEXT NOT NULL,
        shippable INTEGER NOT NULL,
        reason TEXT,
        product_name TEXT NOT NULL,
        product_id TEXT NOT NULL,
        spec TEXT NOT NULL,
        style_id TEXT NOT NULL,
        sku_code TEXT NOT NULL,
        goods_code TEXT NOT NULL,
        quantity INTEGER NOT NULL,
        total_cents INTEGER,
        paid_cents INTEGER,
        deal_at TEXT,
        paid_at TEXT,
        ship_by TEXT,
        ship_by_from_export INTEGER NOT NULL,
        recharge_no TEXT NOT NULL,
        buyer_memo TEXT NOT NULL,
        merchant_memo TEXT NOT NULL,
        province TEXT NOT NULL,
        city TEXT NOT NULL,
        district TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        line_count INTEGER NOT NULL,
        first_seen_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        last_changed_at TEXT NOT NULL,
        first_import_id INTEGER NOT NULL REFERENCES imports(id),
        last_import_id INTEGER NOT NULL REFERENCES imports(id),
        UNIQUE (shop_id, order_key)
      );
      CREATE INDEX orders_reason ON orders(shop_id, reason);
      -- A rowid table: rows carry the raw cells (~0.5 KB), too large for WITHOUT ROWID to pay off.
      CREATE TABLE order_lines (
        order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        line_no INTEGER NOT NULL,
        product_name TEXT NOT NULL,
        product_id TEXT NOT NULL,
        spec TEXT NOT NULL,
        style_id TEXT NOT NULL,
        sku_code TEXT NOT NULL,
        quantity INTEGER NOT NULL,
        raw TEXT NOT NULL,
        import_id INTEGER NOT NULL REFERENCES imports(id),
        source_row INTEGER NOT NULL,
        UNIQUE (order_id, line_no)
      );
      CREATE INDEX order_lines_import ON order_lines(import_id);
      CREATE TABLE order_changes (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        import_id INTEGER NOT NULL REFERENCES imports(id),
        seen_at TEXT NOT NULL,
        field TEXT NOT NULL,
        before TEXT NOT NULL,
        after TEXT NOT NULL
      );
      CREATE INDEX order_changes_order ON order_changes(order_id, id);
    `);
  },
  // 2: products (delivery profiles), stock batches and items, the append-only ledger
  // orders.sku_key is the SKU key rule of shared/rules/sku-key.ts, kept here in its historic text
  // (skuKeySql() gives the same rule on one line; tests/unit/sku-key.test.ts checks they agree).
  (db) => {
    db.exec(`
      ALTER TABLE orders ADD COLUMN sku_key TEXT GENERATED ALWAYS AS (
        CASE WHEN sku_code <> '' THEN sku_code
             WHEN style_id <> '' THEN 'style:' || style_id
             ELSE 'pid:' || product_id || '|' || spec END) VIRTUAL;
      CREATE INDEX orders_sku ON orders(shop_id, sku_key, shippable);
      CREATE TABLE products (
        id INTEGER PRIMARY KEY,
        shop_id INTEGER NOT NULL REFERENCES shops(id),
        sku_key TEXT NOT NULL,
        title TEXT NOT NULL,
        spec TEXT NOT NULL,
        product_id TEXT NOT NULL,
        kind TEXT,
        confirmed INTEGER NOT NULL DEFAULT 0,
        terms TEXT NOT NULL DEFAULT '{}',
        low_stock INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (shop_id, sku_key)
      );
      CREATE TABLE stock_batches (
        id INTEGER PRIMARY KEY,
        shop_id INTEGER NOT NULL REFERENCES shops(id),
        product_id INTEGER NOT NULL REFERENCES products(id),
        source TEXT NOT NULL,
        sep TEXT,
        added INTEGER NOT NULL,
        duplicates INTEGER NOT NULL,
        expires_at TEXT,
        created_at TEXT NOT NULL
      );
      CREATE TABLE stock_items (
        id INTEGER PRIMARY KEY,
        shop_id INTEGER NOT NULL REFERENCES shops(id),
        product_id INTEGER NOT NULL REFERENCES products(id),
        batch_id INTEGER NOT NULL REFERENCES stock_batches(id),
        kind TEXT NOT NULL,
        card_no TEXT NOT NULL DEFAULT '',
        password TEXT NOT NULL DEFAULT '',
        code TEXT NOT NULL DEFAULT '',
        login TEXT NOT NULL DEFAULT '',
        extras TEXT NOT NULL DEFAULT '',
        fingerprint TEXT NOT NULL,
        expires_at TEXT,
        state TEXT NOT NULL CHECK (state IN ('available', 'reserved', 'delivered', 'voided')),
        line_no INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        voided_at TEXT,
        UNIQUE (shop_id, fingerprint)
      );
      CREATE INDEX stock_items_pool ON stock_items(product_id, state, expires_at);
      CREATE INDEX stock_items_batch ON stock_items(batch_id);
      CREATE TABLE ledger (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        shop_id INTEGER,
        event TEXT NOT NULL,
        subject TEXT NOT NULL,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger BEGIN SELECT RAISE(ABORT, 'ledger is append-only'); END;
      CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger BEGIN SELECT RAISE(ABORT, 'ledger is append-only'); END;
    `);
  },
  // 3: allocation of stock to orders (fills, manual assignment, recharge marks)
  (db) => {
    db.exec(`
      ALTER TABLE stock_items ADD COLUMN busy_until TEXT;
      CREATE TABLE fills (
        id INTEGER PRIMARY KEY,
        shop_id INTEGER NOT NULL REFERENCES shops(id),
        at TEXT NOT NULL,
        filled INTEGER NOT NULL,
        items INTEGER NOT NULL,
        undone_at TEXT
      );
      CREATE TABLE allocations (
        id INTEGER PRIMARY KEY,
        shop_id INTEGER NOT NULL REFERENCES shops(id),
        order_id INTEGER NOT NULL REFERENCES orders(id),
        item_id INTEGER REFERENCES stock_items(id),
        kind TEXT NOT NULL CHECK (kind IN ('item', 'recharge')),
        reusable INTEGER NOT NULL DEFAULT 0,
        fill_id INTEGER REFERENCES fills(id),
        source TEXT NOT NULL CHECK (source IN ('fill', 'manual', 'recharge')),
        recharge_ref TEXT NOT NULL DEFAULT '',
        rental_until TEXT,
        created_at TEXT NOT NULL,
        exported_at TEXT,
        released_at TEXT,
        quarantined_at TEXT,
        release_reason TEXT
      );
      CREATE INDEX allocations_order ON allocations(order_id) WHERE released_at IS NULL;
      CREATE INDEX allocations_fill ON allocations(fill_id);
      CREATE INDEX allocations_item ON allocations(item_id);
      -- The guarantee in the schema itself: a single-use item is bound to at most one order at a time,
      -- and once exported (delivered) its allocation is never released, only quarantined.
      CREATE UNIQUE INDEX allocations_item_once ON allocations(item_id) WHERE released_at IS NULL AND reusable = 0 AND item_id IS NOT NULL;
      CREATE TRIGGER allocations_exported_stay BEFORE UPDATE OF released_at ON allocations
        WHEN OLD.exported_at IS NOT NULL AND NEW.released_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'an exported allocation cannot be released'); END;
    `);
  },
  // 4: the grid's default order (most urgent first) served by an index, so a page of 100,000
  // orders needs no sort. Order numbers sort by the unique key; rarer sorts may sort.
  (db) => {
    db.exec(`
      CREATE INDEX orders_by_ship_by ON orders(shop_id, ship_by, id);
    `);
  },
  // 5: stock fingerprints of the identity's normal form (issue 8): look-alikes of one card (case,
  // dashes, spaces, zero-width characters, full-width digits) are one card from now on.
  (db) => refingerprintStock(db),
  // 6: platform-rule checks (issue 9): the shop's type (travel is for enterprise shops only),
  // findings per order and per product (an order carries its products' findings too, origin
  // 'product', so the grid filters by one index), and overrides with the merchant's reason.
  (db) => {
    db.exec(`
      ALTER TABLE shops ADD COLUMN type TEXT NOT NULL DEFAULT 'personal' CHECK (type IN ('personal', 'enterprise'));
      CREATE TABLE findings (
        id INTEGER PRIMARY KEY,
        shop_id INTEGER NOT NULL REFERENCES shops(id),
        order_id INTEGER REFERENCES orders(id) ON DELETE CASCADE,
        product_id INTEGER REFERENCES products(id) ON DELETE CASCADE,
        rule TEXT NOT NULL,
        severity TEXT NOT NULL CHECK (severity IN ('block', 'warn')),
        origin TEXT NOT NULL CHECK (origin IN ('order', 'product')),
        sku_key TEXT,
        params TEXT NOT NULL,
        CHECK ((order_id IS NULL) <> (product_id IS NULL))
      );
      CREATE INDEX findings_order ON findings(order_id) WHERE order_id IS NOT NULL;
      CREATE INDEX findings_product ON findings(product_id) WHERE product_id IS NOT NULL;
      CREATE INDEX findings_rule ON findings(shop_id, rule, severity);
      CREATE TABLE rule_overrides (
        id INTEGER PRIMARY KEY,
        shop_id INTEGER NOT NULL REFERENCES shops(id),
        subject TEXT NOT NULL CHECK (subject IN ('order', 'product')),
        subject_key TEXT NOT NULL,
        rule TEXT NOT NULL,
        reason TEXT NOT NULL,
        by TEXT NOT NULL,
        at TEXT NOT NULL,
        withdrawn_at TEXT,
        withdrawn_by TEXT
      );
      CREATE UNIQUE INDEX rule_overrides_active ON rule_overrides(shop_id, subject, subject_key, rule) WHERE withdrawn_at IS NULL;
      CREATE TABLE rule_checks (shop_id INTEGER PRIMARY KEY REFERENCES shops(id), checked_at TEXT NOT NULL);
      -- The stock queue reads multi-line orders apart (single-line ones come by product, orders_sku).
      CREATE INDEX orders_multi_line ON orders(shop_id) WHERE line_count > 1;
    `);
  },
  // 7: the shipment file (issue 10): exports with their files (kept in the data folder under their
  // SHA-256), which orders each took, the backend's result files, the template per shop, and each
  // order's state on the way out (NULL: never exported; `ready` is derived, never stored).
  (db) => {
    db.exec(`
      CREATE TABLE exports (
        id INTEGER PRIMARY KEY,
        shop_id INTEGER NOT NULL REFERENCES shops(id),
        at TEXT NOT NULL,
        format TEXT NOT NULL CHECK (format IN ('xlsx', 'csv')),
        template TEXT NOT NULL,
        built_in INTEGER NOT NULL,
        profile TEXT NOT NULL,
        max_rows INTEGER NOT NULL,
        orders INTEGER NOT NULL,
        items INTEGER NOT NULL,
        left_out INTEGER NOT NULL,
        reexport TEXT,
        by TEXT NOT NULL
      );
      CREATE INDEX exports_shop ON exports(shop_id, id);
      CREATE TABLE export_files (
        id INTEGER PRIMARY KEY,
        export_id INTEGER NOT NULL REFERENCES exports(id),
        kind TEXT NOT NULL CHECK (kind IN ('shipment', 'messages', 'exceptions')),
        part INTEGER NOT NULL,
        name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        rows INTEGER NOT NULL,
        bytes INTEGER NOT NULL,
        holds_secrets INTEGER NOT NULL
      );
      CREATE INDEX export_files_export ON export_files(export_id);
      CREATE TABLE export_orders (
        export_id INTEGER NOT NULL REFERENCES exports(id),
        order_id INTEGER NOT NULL REFERENCES orders(id),
        file_id INTEGER NOT NULL REFERENCES export_files(id),
        reexport_reason TEXT,
        PRIMARY KEY (export_id, order_id)
      ) WITHOUT ROWID;
      CREATE INDEX export_orders_order ON export_orders(order_id);
      CREATE TABLE upload_results (
        id INTEGER PRIMARY KEY,
        shop_id INTEGER NOT NULL REFERENCES shops(id),
        at TEXT NOT NULL,
        file TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        rows INTEGER NOT NULL,
        failed INTEGER NOT NULL,
        succeeded INTEGER NOT NULL,
        unknown INTEGER NOT NULL,
        detail TEXT NOT NULL
      );
      CREATE TABLE upload_result_exports (result_id INTEGER NOT NULL REFERENCES upload_results(id), export_id INTEGER NOT NULL REFERENCES exports(id), PRIMARY KEY (result_id, export_id)) WITHOUT ROWID;
      CREATE TABLE export_templates (
        shop_id INTEGER PRIMARY KEY REFERENCES shops(id),
        name TEXT NOT NULL,
        format TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        bytes BLOB NOT NULL,
        profile TEXT NOT NULL,
        set_at TEXT NOT NULL
      );
      ALTER TABLE orders ADD COLUMN ship_state TEXT CHECK (ship_state IN ('exported', 'upload_failed', 'shipped', 'attention'));
      ALTER TABLE orders ADD COLUMN ship_note TEXT NOT NULL DEFAULT '';
      ALTER TABLE orders ADD COLUMN export_id INTEGER;
      ALTER TABLE orders ADD COLUMN exported_at TEXT;
      CREATE INDEX orders_ship_state ON orders(shop_id, ship_state) WHERE ship_state IS NOT NULL;
    `);
  },
  // 8: delivery evidence (issue 11). Files are kept under evidence/ by SHA-256 (evidence_files, one
  // row per stored file); evidence links a file to an order (the same file on two orders is two
  // links over one file). Removing evidence hides the link, never the file. `meta` holds the data
  // folder's content key: the ledger commits to delivered content and messages by HMAC under it, so
  // a ledger entry handed to a third party (an evidence pack) cannot be searched for a short secret.
  // stock_items.content_hash: each item's content under that key, checked before it is served.
  (db) => {
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE evidence_files (
        sha256 TEXT PRIMARY KEY,
        bytes INTEGER NOT NULL,
        mime TEXT NOT NULL,
        stored_at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE evidence (
        id INTEGER PRIMARY KEY,
        shop_id INTEGER NOT NULL REFERENCES shops(id),
        order_id INTEGER NOT NULL REFERENCES orders(id),
        sha256 TEXT NOT NULL REFERENCES evidence_files(sha256),
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('official', 'chat', 'supplier', 'delivery', 'other')),
        note TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL CHECK (source IN ('drop', 'paste', 'folder', 'cli')),
        added_at TEXT NOT NULL,
        captured_at TEXT,
        captured_from TEXT CHECK (captured_from IN ('exif', 'png', 'file')),
        hidden_at TEXT,
        hidden_reason TEXT,
        UNIQUE (order_id, sha256)
      );
      CREATE INDEX evidence_shop_added ON evidence(shop_id, added_at);
      CREATE INDEX evidence_sha ON evidence(sha256);
      ALTER TABLE stock_items ADD COLUMN content_hash TEXT;
      CREATE INDEX orders_recharge_no ON orders(shop_id, recharge_no) WHERE recharge_no <> '';
      CREATE INDEX allocations_recharge_ref ON allocations(recharge_ref) WHERE recharge_ref <> '';
    `);
    db.prepare("INSERT INTO meta (key, value) VALUES ('content_key', ?)").run(randomBytes(32).toString('base64url'));
  },
  // 9: the ledger commits to the stock already held (issue 11): every item's content hash, and per
  // shop one 'stock.commit' entry with each batch's root (content.ts); from now on each import and
  // each typed item commits to its own.
  (db) => commitStock(db),
  // 10: the counts over the grid at 100,000 to 1,000,000 orders (issue 13). orders_waiting holds the
  // shippable orders only, by deadline: 可发货, 已超时, 即将超时 and the ready candidates are counted
  // from it alone, and the grid's shippable views page through it in ship-by order. findings_order
  // also holds the severity and the shop, so "has an active block" is answered from the index.
  // Written to run again (a test takes later migrations back out by dropping their tables).
  (db) => {
    db.exec(`
      DROP INDEX IF EXISTS orders_waiting;
      CREATE INDEX orders_waiting ON orders(shop_id, ship_by, id, ship_state) WHERE shippable = 1;
      DROP INDEX IF EXISTS findings_order;
      CREATE INDEX findings_order ON findings(order_id, severity, shop_id) WHERE order_id IS NOT NULL;
    `);
  },
];

/**
 * Step 9: each stock item's content hash (content.ts) filled in, then one ledger entry per shop
 * holding each batch's root over its items' (id, content hash): what `verify` and every reveal
 * check the items against. Only ids and hashes go into the ledger, never the content.
 */
function commitStock(db: Database.Database): void {
  const key = contentKey(db);
  const page = db.prepare('SELECT id, kind, card_no, password, code, login, extras FROM stock_items WHERE id > ? AND content_hash IS NULL ORDER BY id LIMIT 5000');
  const set = db.prepare('UPDATE stock_items SET content_hash = ? WHERE id = ?');
  for (let after = 0; ;) {
    const rows = page.all(after) as { id: number; kind: string; card_no: string; password: string; code: string; login: string; extras: string }[];
    if (rows.length === 0) break;
    for (const r of rows) set.run(itemContentHash(key, r), r.id);
    after = rows[rows.length - 1].id;
  }
  const byShop = new Map<number, { batchId: number; items: number; root: string }[]>();
  let current: { shopId: number; batchId: number; root: ContentRoot } | null = null;
  const close = () => {
    if (!current) return;
    (byShop.get(current.shopId) ?? byShop.set(current.shopId, []).get(current.shopId)!).push({ batchId: current.batchId, items: current.root.items, root: current.root.digest() });
  };
  for (const [id, shopId, batchId, hash] of db.prepare('SELECT id, shop_id, batch_id, content_hash FROM stock_items ORDER BY batch_id, id').raw().iterate() as Iterable<[number, number, number, string]>) {
    if (!current || current.batchId !== batchId) {
      close();
      current = { shopId, batchId, root: new ContentRoot() };
    }
    current.root.add(id, hash);
  }
  close();
  for (const [shopId, batches] of byShop) appendLedger(db, { shopId, event: 'stock.commit', subject: 'migration:9', detail: { batches } });
}

/**
 * Step 5: every stock item's fingerprint recomputed from the normal form of its identity
 * (identityFingerprint; a later change of that form adds its own step). Look-alikes already in
 * stock now share a fingerprint: both rows stay (deleting one could lose a card the merchant paid
 * for, or the record of one already sent), the earlier keeps the plain fingerprint, so every future
 * import of that card is still caught, and each later one gets its own with a `~<id>` suffix
 * (a base64url hash never holds `~`). Nothing is dropped silently: the ledger records each pair
 * (ids only, never the secret), so the merchant can look and void one.
 */
function refingerprintStock(db: Database.Database): void {
  const rows = db.prepare('SELECT id, shop_id, kind, card_no, code, login, fingerprint FROM stock_items ORDER BY id')
    .raw().iterate() as Iterable<[number, number, string, string, string, string, string]>;
  const taken = new Map<number, Map<string, number>>();
  const changes: { id: number; fp: string }[] = [];
  const lookalikes = new Map<number, { itemId: number; sameAs: number }[]>();
  for (const [id, shopId, kind, cardNo, code, login, old] of rows) {
    let shop = taken.get(shopId);
    if (!shop) taken.set(shopId, (shop = new Map()));
    let fp = identityFingerprint(itemIdentity(kind as StockShape, { cardNo, code, login }));
    const first = shop.get(fp);
    if (first === undefined) shop.set(fp, id);
    else {
      (lookalikes.get(shopId) ?? lookalikes.set(shopId, []).get(shopId)!).push({ itemId: id, sameAs: first });
      fp = `${fp}~${id}`;
    }
    if (fp !== old) changes.push({ id, fp });
  }
  // Two passes keep UNIQUE (shop_id, fingerprint) true after every statement: the changed rows
  // first step aside (`~<id>` alone), then take their new values, which are unique among all.
  const set = db.prepare('UPDATE stock_items SET fingerprint = ? WHERE id = ?');
  for (const c of changes) set.run(`~${c.id}`, c.id);
  for (const c of changes) set.run(c.fp, c.id);
  for (const [shopId, pairs] of lookalikes) {
    appendLedger(db, { shopId, event: 'stock.lookalikes', subject: 'migration:5', detail: { count: pairs.length, pairs: pairs.slice(0, 1000) } });
  }
}
