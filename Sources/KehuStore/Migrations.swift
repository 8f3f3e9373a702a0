import GRDB

/// The schema, as numbered migrations. A shipped migration is never edited: change the
/// schema by adding the next one, so every existing database can follow.
enum Migrations {
    /// `PRAGMA application_id` of a kehu database ("kehu" in ASCII), so kehu can tell its
    /// own files from other SQLite files before touching them.
    static let applicationID: Int32 = 0x6B65_6875
    /// What the newest migration leaves in the header's user_version (from v16 on, each
    /// migration sets its own number): a file whose header says kehu, WAL and this number
    /// is opened without first inspecting it on a connection of its own, since nothing in
    /// it can be from a newer kehu. `MigrationTests` holds every new migration to it.
    static let schemaVersion: Int32 = 18

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-archive") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: """
                CREATE TABLE teams (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    region TEXT NOT NULL DEFAULT '',
                    supervisorID INTEGER REFERENCES users(id)
                );
                CREATE TABLE users (
                    id INTEGER PRIMARY KEY,
                    login TEXT NOT NULL UNIQUE,
                    displayName TEXT NOT NULL,
                    role TEXT NOT NULL,
                    teamID INTEGER REFERENCES teams(id),
                    region TEXT NOT NULL DEFAULT '',
                    active INTEGER NOT NULL DEFAULT 1
                );
                CREATE TABLE customers (
                    id INTEGER PRIMARY KEY,
                    code TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    address TEXT NOT NULL DEFAULT '',
                    postalCode TEXT NOT NULL DEFAULT '',
                    phone TEXT NOT NULL DEFAULT '',
                    fax TEXT NOT NULL DEFAULT '',
                    website TEXT NOT NULL DEFAULT '',
                    email TEXT NOT NULL DEFAULT '',
                    industry TEXT NOT NULL DEFAULT '',
                    legalRepresentative TEXT NOT NULL DEFAULT '',
                    registeredCapitalWan INTEGER,
                    mainProducts TEXT NOT NULL DEFAULT '',
                    yearsInBusiness INTEGER,
                    businessCondition TEXT NOT NULL DEFAULT '',
                    type TEXT NOT NULL,
                    typeOther TEXT NOT NULL DEFAULT '',
                    grade TEXT NOT NULL,
                    creditLevel TEXT,
                    supplierStructure TEXT NOT NULL DEFAULT '',
                    source TEXT NOT NULL,
                    status TEXT NOT NULL,
                    province TEXT NOT NULL DEFAULT '',
                    city TEXT NOT NULL DEFAULT '',
                    ownerID INTEGER REFERENCES users(id),
                    teamID INTEGER REFERENCES teams(id),
                    region TEXT NOT NULL DEFAULT '',
                    createdAt TEXT NOT NULL,
                    updatedAt TEXT NOT NULL,
                    lastOrderOn TEXT,
                    notes TEXT NOT NULL DEFAULT '',
                    -- Bumped on every write: lets a second writer notice it read stale data.
                    revision INTEGER NOT NULL DEFAULT 1
                );
                CREATE INDEX customers_name ON customers(name);
                CREATE INDEX customers_owner ON customers(ownerID);
                CREATE TABLE contacts (
                    id INTEGER PRIMARY KEY,
                    customerID INTEGER NOT NULL REFERENCES customers(id),
                    name TEXT NOT NULL,
                    department TEXT NOT NULL DEFAULT '',
                    position TEXT NOT NULL DEFAULT '',
                    mobile TEXT NOT NULL DEFAULT '',
                    phone TEXT NOT NULL DEFAULT '',
                    email TEXT NOT NULL DEFAULT '',
                    gender TEXT,
                    birthday TEXT,
                    isDecisionMaker INTEGER NOT NULL DEFAULT 0,
                    notes TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX contacts_customer ON contacts(customerID);
                CREATE TABLE intentCards (
                    id INTEGER PRIMARY KEY,
                    customerID INTEGER NOT NULL REFERENCES customers(id),
                    number TEXT NOT NULL UNIQUE,
                    createdOn TEXT NOT NULL,
                    source TEXT NOT NULL,
                    filledByID INTEGER NOT NULL REFERENCES users(id),
                    personName TEXT NOT NULL,
                    gender TEXT,
                    age INTEGER,
                    phone TEXT NOT NULL DEFAULT '',
                    occupation TEXT NOT NULL DEFAULT '',
                    residence TEXT NOT NULL DEFAULT '',
                    bestCallbackTime TEXT NOT NULL DEFAULT '',
                    product TEXT NOT NULL DEFAULT '',
                    model TEXT NOT NULL DEFAULT '',
                    colour TEXT NOT NULL DEFAULT '',
                    purchaseType TEXT NOT NULL,
                    focusPoints TEXT NOT NULL DEFAULT '',
                    comparedProducts TEXT NOT NULL DEFAULT '',
                    budgetYuan INTEGER,
                    paymentMethod TEXT NOT NULL DEFAULT '',
                    level TEXT NOT NULL,
                    nextVisitOn TEXT,
                    state TEXT NOT NULL,
                    closedOn TEXT,
                    revision INTEGER NOT NULL DEFAULT 1
                );
                CREATE INDEX intentCards_customer ON intentCards(customerID, state);
                CREATE INDEX intentCards_due ON intentCards(state, nextVisitOn);
                CREATE TABLE activities (
                    id INTEGER PRIMARY KEY,
                    customerID INTEGER NOT NULL REFERENCES customers(id),
                    cardID INTEGER REFERENCES intentCards(id),
                    visitNumber INTEGER NOT NULL,
                    method TEXT NOT NULL,
                    occurredAt TEXT NOT NULL,
                    handlerID INTEGER NOT NULL REFERENCES users(id),
                    contactID INTEGER REFERENCES contacts(id),
                    content TEXT NOT NULL,
                    levelJudged TEXT,
                    impression TEXT NOT NULL DEFAULT '',
                    bottleneckPlan TEXT NOT NULL DEFAULT '',
                    nextVisitOn TEXT,
                    supervisorComment TEXT,
                    commentSignerID INTEGER REFERENCES users(id),
                    commentAt TEXT,
                    revision INTEGER NOT NULL DEFAULT 1
                );
                CREATE INDEX activities_timeline ON activities(customerID, occurredAt DESC, id DESC);
                CREATE TABLE settings (
                    key TEXT PRIMARY KEY,
                    value TEXT NOT NULL
                );
                -- One row per changed field: who, when, where, old and new value.
                CREATE TABLE auditLog (
                    id INTEGER PRIMARY KEY,
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    tableName TEXT NOT NULL,
                    rowID INTEGER NOT NULL,
                    field TEXT NOT NULL,
                    oldValue TEXT,
                    newValue TEXT
                );
                CREATE INDEX auditLog_row ON auditLog(tableName, rowID, at);
                """)
            // Follow-up cadence per intent level (SPEC §2 defaults), as settings a company may change.
            for level in ["H": 0, "A": 7, "B": 14, "C": 30] {
                try db.execute(sql: "INSERT INTO settings(key, value) VALUES (?, ?)",
                               arguments: ["cadence.\(level.key)", String(level.value)])
            }
        }
        migrator.registerMigration("v2-followups-and-leads") { db in
            try db.execute(sql: """
                -- Search keys kept beside what the user typed, so "138-0013-8000" and
                -- "+86 13800138000" find each other through an index.
                ALTER TABLE customers ADD COLUMN phoneDigits TEXT;
                ALTER TABLE customers ADD COLUMN nameKey TEXT;
                ALTER TABLE contacts ADD COLUMN mobileDigits TEXT;
                ALTER TABLE contacts ADD COLUMN phoneDigits TEXT;
                ALTER TABLE intentCards ADD COLUMN phoneDigits TEXT;
                -- An agreed call-back hour ("15:00") beside the next visit date.
                ALTER TABLE intentCards ADD COLUMN nextVisitTime TEXT;
                CREATE TABLE drafts (
                    id INTEGER PRIMARY KEY,
                    login TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    customerID INTEGER,
                    payload TEXT NOT NULL,
                    savedAt TEXT NOT NULL
                );
                CREATE INDEX drafts_login ON drafts(login);
                -- A deal becomes an order: churn and 80/20 are computed from these.
                CREATE TABLE orders (
                    id INTEGER PRIMARY KEY,
                    customerID INTEGER NOT NULL REFERENCES customers(id),
                    cardID INTEGER REFERENCES intentCards(id),
                    orderedOn TEXT NOT NULL,
                    amountYuan INTEGER NOT NULL,
                    product TEXT NOT NULL DEFAULT '',
                    contractNumber TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX orders_customer ON orders(customerID, orderedOn);
                -- How a card ended: the deal's product, or the defeat application (战败申请).
                ALTER TABLE intentCards ADD COLUMN closeReason TEXT NOT NULL DEFAULT '';
                ALTER TABLE intentCards ADD COLUMN chosenProduct TEXT NOT NULL DEFAULT '';
                ALTER TABLE intentCards ADD COLUMN chosenPriceYuan INTEGER;
                ALTER TABLE intentCards ADD COLUMN competitor TEXT NOT NULL DEFAULT '';
                ALTER TABLE intentCards ADD COLUMN defeatAppliedOn TEXT;
                """)
            try SearchKeys.backfill(db)
            try db.execute(sql: """
                CREATE INDEX customers_phoneDigits ON customers(phoneDigits);
                CREATE INDEX customers_nameKey ON customers(nameKey);
                CREATE INDEX contacts_mobileDigits ON contacts(mobileDigits);
                CREATE INDEX contacts_phoneDigits ON contacts(phoneDigits);
                CREATE INDEX intentCards_phoneDigits ON intentCards(phoneDigits);
                CREATE INDEX contacts_name ON contacts(name);
                CREATE INDEX intentCards_personName ON intentCards(personName);
                -- Birthdays are looked up by month and day across the years.
                CREATE INDEX contacts_birthday_monthDay ON contacts(substr(birthday, 6)) WHERE birthday IS NOT NULL;
                CREATE INDEX activities_card ON activities(cardID);
                """)
        }
        migrator.registerMigration("v3-roles-and-evening-check") { db in
            try db.execute(sql: """
                -- Colleagues attached to a customer besides its owner (a team of two or more).
                CREATE TABLE customerMembers (
                    customerID INTEGER NOT NULL REFERENCES customers(id),
                    userID INTEGER NOT NULL REFERENCES users(id),
                    PRIMARY KEY (customerID, userID)
                );
                CREATE INDEX customerMembers_user ON customerMembers(userID);
                CREATE INDEX customers_team ON customers(teamID, ownerID);
                -- The evening check: a follow-up flagged for guidance at the meeting, and
                -- whether its handler has read the supervisor's comment yet.
                ALTER TABLE activities ADD COLUMN needsGuidance INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE activities ADD COLUMN commentSeen INTEGER NOT NULL DEFAULT 1;
                CREATE INDEX activities_unseenComments ON activities(handlerID, customerID) WHERE commentSeen = 0;
                CREATE INDEX activities_day ON activities(occurredAt);
                -- Maintenance: the last contact of each kind per customer by given people.
                CREATE INDEX activities_handler ON activities(handlerID, method, customerID, occurredAt);
                -- The evening queue's other two parts: card follow-ups still unchecked, and
                -- comments signed tonight. Both stay small while the team keeps up.
                CREATE INDEX activities_unchecked ON activities(occurredAt) WHERE cardID IS NOT NULL AND supervisorComment IS NULL;
                CREATE INDEX activities_commentAt ON activities(commentAt) WHERE commentAt IS NOT NULL;
                -- Grade changes wait for their approval chain (客户资格评审).
                CREATE TABLE gradeProposals (
                    id INTEGER PRIMARY KEY,
                    customerID INTEGER NOT NULL REFERENCES customers(id),
                    fromGrade TEXT NOT NULL,
                    toGrade TEXT NOT NULL,
                    score INTEGER NOT NULL,
                    scoreSheet TEXT NOT NULL,
                    proposerID INTEGER NOT NULL REFERENCES users(id),
                    proposedAt TEXT NOT NULL,
                    state TEXT NOT NULL,
                    decidedAt TEXT,
                    note TEXT NOT NULL DEFAULT '',
                    revision INTEGER NOT NULL DEFAULT 1
                );
                CREATE INDEX gradeProposals_state ON gradeProposals(state, customerID);
                CREATE TABLE gradeApprovals (
                    id INTEGER PRIMARY KEY,
                    proposalID INTEGER NOT NULL REFERENCES gradeProposals(id),
                    role TEXT NOT NULL,
                    approverID INTEGER NOT NULL REFERENCES users(id),
                    decision TEXT NOT NULL,
                    decidedAt TEXT NOT NULL,
                    note TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX gradeApprovals_proposal ON gradeApprovals(proposalID);
                -- Customers that became lost (流失), when, and the reason the owner gives.
                CREATE TABLE churnEvents (
                    id INTEGER PRIMARY KEY,
                    customerID INTEGER NOT NULL REFERENCES customers(id),
                    ownerID INTEGER REFERENCES users(id),
                    grade TEXT NOT NULL,
                    lostOn TEXT NOT NULL,
                    reason TEXT
                );
                CREATE INDEX churnEvents_owner ON churnEvents(ownerID, reason);
                CREATE INDEX customers_status_lastOrder ON customers(status, lastOrderOn);
                -- The claim pool: when a prospect was claimed or assigned, and who held it before
                -- it returned to the pool (for the cooldown and the record).
                ALTER TABLE customers ADD COLUMN claimedOn TEXT;
                CREATE TABLE poolReleases (
                    id INTEGER PRIMARY KEY,
                    customerID INTEGER NOT NULL REFERENCES customers(id),
                    formerOwnerID INTEGER NOT NULL REFERENCES users(id),
                    releasedOn TEXT NOT NULL,
                    reason TEXT NOT NULL
                );
                CREATE INDEX poolReleases_customer ON poolReleases(customerID, formerOwnerID, releasedOn);
                -- The sales manager's weekly spot-check review, beside the supervisor's comment.
                ALTER TABLE activities ADD COLUMN reviewComment TEXT;
                ALTER TABLE activities ADD COLUMN reviewerID INTEGER REFERENCES users(id);
                ALTER TABLE activities ADD COLUMN reviewedAt TEXT;
                -- Every updatable table counts its writes, like customers and cards.
                ALTER TABLE contacts ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
                ALTER TABLE users ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
                ALTER TABLE teams ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
                -- A returned defeat application keeps the supervisor's reason.
                ALTER TABLE intentCards ADD COLUMN defeatDecisionNote TEXT NOT NULL DEFAULT '';
                """)
        }
        migrator.registerMigration("v4-codes-orders-retention") { db in
            try db.execute(sql: """
                -- The last serial given out per code prefix (粤GZ): serials are never reused,
                -- not even after a customer is purged, and never skipped.
                CREATE TABLE codeSerials (
                    prefix TEXT PRIMARY KEY,
                    lastSerial INTEGER NOT NULL
                ) WITHOUT ROWID;
                -- Codes a customer carried before its grade or status letters changed, so an
                -- old code written on paper still finds the customer.
                CREATE TABLE formerCodes (
                    code TEXT PRIMARY KEY,
                    customerID INTEGER NOT NULL REFERENCES customers(id)
                );
                CREATE INDEX formerCodes_customer ON formerCodes(customerID);
                -- Whatever writes a customer, a changed code leaves its old self behind.
                CREATE TRIGGER customers_formerCode AFTER UPDATE OF code ON customers
                WHEN OLD.code <> NEW.code
                BEGIN
                    DELETE FROM formerCodes WHERE code = NEW.code;
                    INSERT OR REPLACE INTO formerCodes(code, customerID) VALUES (OLD.code, OLD.id);
                END;
                -- Who must approve a contract (by amount, company settings) is kept with the order.
                ALTER TABLE orders ADD COLUMN approval TEXT NOT NULL DEFAULT '';
                -- A settled order has been paid and delivered in full; retention counts from the last one.
                ALTER TABLE orders ADD COLUMN settledOn TEXT;
                ALTER TABLE orders ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
                -- Downgrade proposals name the months the customer stayed below its grade's standard.
                ALTER TABLE gradeProposals ADD COLUMN reason TEXT NOT NULL DEFAULT '';
                """)
            try CodeSerials.backfill(db)
            try db.execute(sql: """
                INSERT OR IGNORE INTO formerCodes(code, customerID)
                SELECT a.oldValue, a.rowID FROM auditLog a
                WHERE a.tableName = 'customers' AND a.field = 'code' AND a.oldValue IS NOT NULL
                  AND a.oldValue NOT IN (SELECT code FROM customers)
                """)
        }
        migrator.registerMigration("v5-search") { db in
            try db.execute(sql: """
                -- What / searches (see SearchText): the name's pinyin and initials, indexed
                -- for prefix matches; codes by their start, with or without the letters
                -- (cb-粤gz0001, 粤gz0001, gz0001); and three narrow tables scanned for a
                -- query anywhere — Chinese text, pinyin, phone digits — each small enough
                -- to read in a few milliseconds at 100,000 customers.
                ALTER TABLE customers ADD COLUMN pinyin TEXT NOT NULL DEFAULT '';
                ALTER TABLE customers ADD COLUMN initials TEXT NOT NULL DEFAULT '';
                CREATE INDEX customers_pinyin ON customers(pinyin);
                CREATE INDEX customers_initials ON customers(initials);
                CREATE INDEX customers_code_lower ON customers(lower(code));
                CREATE INDEX customers_code_place ON customers(lower(substr(code, 4)));
                CREATE INDEX customers_code_city ON customers(lower(substr(code, 5)));
                CREATE TABLE searchHan (customerID INTEGER PRIMARY KEY REFERENCES customers(id), text TEXT NOT NULL);
                CREATE TABLE searchLatin (customerID INTEGER PRIMARY KEY REFERENCES customers(id), text TEXT NOT NULL);
                CREATE TABLE searchDigits (customerID INTEGER PRIMARY KEY REFERENCES customers(id), text TEXT NOT NULL);
                """)
            try SearchText.backfill(db)
        }
        migrator.registerMigration("v6-list-orders") { db in
            try db.execute(sql: """
                -- The list sorts and filters by next follow-up and last contact at any size:
                -- both kept on the customer by triggers, whatever writes the card or visit.
                ALTER TABLE customers ADD COLUMN nextFollowUpOn TEXT;
                ALTER TABLE customers ADD COLUMN lastContactAt TEXT;
                """)
            try db.execute(sql: listOrderKeys)
            try db.execute(sql: """
                CREATE INDEX customers_nextFollowUp ON customers(coalesce(nextFollowUpOn, '9999-12-31'), code);
                CREATE INDEX customers_lastContact ON customers(coalesce(lastContactAt, '') DESC, code);
                CREATE INDEX customers_source ON customers(source);
                CREATE INDEX customers_city ON customers(city);
                -- Each start asks, per VIP and key customer, whether a proposal is pending.
                CREATE INDEX gradeProposals_customer ON gradeProposals(customerID, state);
                """)
        }
        migrator.registerMigration("v7-last-contacts") { db in try LastContacts.migrate(db) }
        // Contacts are found by the pinyin of their names as well.
        migrator.registerMigration("v8-contact-pinyin") { db in try SearchText.rewriteLatinLines(db) }
        // The evening check marks a follow-up or a defeat application as doubtful (虚假跟进,
        // 虚假战败) for the meeting; a returned defeat keeps when it was returned, so the
        // salesperson's Today shows the reason until they follow the card up again.
        migrator.registerMigration("v9-evening-marks") { db in
            try db.execute(sql: """
                ALTER TABLE activities ADD COLUMN doubtful INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE intentCards ADD COLUMN defeatDoubtful INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE intentCards ADD COLUMN defeatReturnedAt TEXT;
                -- Today asks for its owner's returned cards at every start: few, by this index.
                CREATE INDEX intentCards_returned ON intentCards(defeatReturnedAt) WHERE defeatReturnedAt IS NOT NULL;
                """)
        }
        // Leads judged effective or not (有效/无效潜在客户), one verdict per customer, for
        // the weekly summary.
        migrator.registerMigration("v10-lead-verdicts") { db in
            try db.execute(sql: """
                CREATE TABLE leadVerdicts (
                  customerID INTEGER PRIMARY KEY REFERENCES customers(id),
                  effective INTEGER NOT NULL,
                  note TEXT NOT NULL DEFAULT '',
                  judgedByID INTEGER NOT NULL REFERENCES users(id),
                  judgedAt TEXT NOT NULL
                );
                CREATE INDEX leadVerdicts_judgedAt ON leadVerdicts(judgedAt);
                """)
        }
        // Corrections of follow-ups: the row as it was before each, who corrected it, when
        // and why; the row itself says it was corrected, and whether the evening check
        // must see it again (corrected after the supervisor signed).
        migrator.registerMigration("v11-corrections") { db in
            try db.execute(sql: """
                CREATE TABLE activityCorrections (
                  id INTEGER PRIMARY KEY,
                  activityID INTEGER NOT NULL REFERENCES activities(id),
                  correctedAt TEXT NOT NULL,
                  correctedByID INTEGER NOT NULL REFERENCES users(id),
                  reason TEXT NOT NULL,
                  before TEXT NOT NULL,
                  afterSignature INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX activityCorrections_activity ON activityCorrections(activityID, id);
                ALTER TABLE activities ADD COLUMN correctedAt TEXT;
                ALTER TABLE activities ADD COLUMN correctedByID INTEGER REFERENCES users(id);
                ALTER TABLE activities ADD COLUMN recheck INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX activities_recheck ON activities(recheck) WHERE recheck = 1;
                """)
        }
        // The whole intent card (意向客户管理卡): the rest of the person and the need, the
        // card's analysis and the intent score; search finds customers by the products
        // their cards name.
        migrator.registerMigration("v12-intent-card") { db in
            for column in ["currentProduct", "mainUser", "purpose", "situation", "likedPoints",
                           "favourable", "unfavourable", "resourcesNeeded", "objections"] {
                try db.execute(sql: "ALTER TABLE intentCards ADD COLUMN \(column) TEXT NOT NULL DEFAULT ''")
            }
            try db.execute(sql: "ALTER TABLE intentCards ADD COLUMN intentScore INTEGER")
            try SearchText.rewriteHanLinesWithProducts(db)
        }
        // The archive's 客户性质 and credit line, and why a customer was marked invalid.
        migrator.registerMigration("v13-archive-fields") { db in
            try db.execute(sql: """
                ALTER TABLE customers ADD COLUMN nature TEXT NOT NULL DEFAULT '';
                ALTER TABLE customers ADD COLUMN creditLineYuan INTEGER;
                ALTER TABLE customers ADD COLUMN invalidReason TEXT NOT NULL DEFAULT '';
                """)
        }
        // The walk-in and call-in register (来店/来电登记): companions, arrival and leaving
        // times, a trial given, the planned call-back's purpose — on the lead's card.
        migrator.registerMigration("v14-visit-register") { db in
            try db.execute(sql: """
                ALTER TABLE intentCards ADD COLUMN companions INTEGER;
                ALTER TABLE intentCards ADD COLUMN arrivedAt TEXT NOT NULL DEFAULT '';
                ALTER TABLE intentCards ADD COLUMN leftAt TEXT NOT NULL DEFAULT '';
                ALTER TABLE intentCards ADD COLUMN trialGiven INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE intentCards ADD COLUMN callbackPurpose TEXT NOT NULL DEFAULT '';
                """)
        }
        migrator.registerMigration("v15-contract-approval") { db in
            // Orders recorded before the workflow were approved on paper: they stay approved.
            // From now on an order waits for its chain of signatures (contractDecisions, one
            // row per step), and after approval its shipments and payments are kept.
            try db.execute(sql: """
                ALTER TABLE orders ADD COLUMN approvalState TEXT NOT NULL DEFAULT 'approved';
                ALTER TABLE orders ADD COLUMN recordedByID INTEGER REFERENCES users(id);
                ALTER TABLE orders ADD COLUMN recordedAt TEXT NOT NULL DEFAULT '';
                ALTER TABLE orders ADD COLUMN shippedYuan INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE orders ADD COLUMN receivedYuan INTEGER NOT NULL DEFAULT 0;
                UPDATE orders SET shippedYuan = amountYuan, receivedYuan = amountYuan WHERE settledOn IS NOT NULL;
                CREATE INDEX orders_pending ON orders(approvalState, id) WHERE approvalState = 'pending';
                CREATE INDEX orders_outstanding ON orders(customerID) WHERE approvalState = 'approved' AND receivedYuan < amountYuan;
                CREATE TABLE contractDecisions (
                    id INTEGER PRIMARY KEY,
                    orderID INTEGER NOT NULL REFERENCES orders(id),
                    step TEXT NOT NULL,
                    role TEXT NOT NULL,
                    approverID INTEGER NOT NULL REFERENCES users(id),
                    approved INTEGER NOT NULL,
                    decidedAt TEXT NOT NULL,
                    note TEXT NOT NULL DEFAULT '',
                    UNIQUE (orderID, step)
                );
                """)
        }
        migrator.registerMigration("v16-search-index") { db in
            // A search that finds little read a whole narrow table on every keystroke (30 ms
            // at 100,000 customers, ten times that at a million). Each line now has a
            // full-text index over it (external content: the line is stored once): the
            // Chinese line spaced so that unicode61 keeps each character a word (one- and
            // two-character queries are phrases), the pinyin and digit lines by trigram
            // without positions (a candidate is confirmed by instr). Triggers keep the
            // indexes with their lines whatever writes them. Lines written by v5 and v12
            // with today's code are spaced already; spacing is idempotent.
            // Ten thousand lines at a time: a million would hold a hundred megabytes.
            let respace = try db.makeStatement(sql: "UPDATE searchHan SET text = ? WHERE customerID = ?")
            var after: Int64 = 0
            while true {
                let lines = try Row.fetchAll(db, sql: "SELECT customerID, text FROM searchHan WHERE customerID > ? ORDER BY customerID LIMIT 10000",
                                            arguments: [after])
                guard let last = lines.last else { break }
                for row in lines {
                    let text: String = row["text"]
                    let spaced = SearchText.spaced(text)
                    if spaced != text { try respace.execute(arguments: [spaced, row["customerID"]]) }
                }
                after = last["customerID"]
            }
            for (table, tokenizer) in [("searchHan", "unicode61"), ("searchLatin", "trigram', detail='none"),
                                       ("searchDigits", "trigram', detail='none")] {
                let index = table + "Index"
                try db.execute(sql: """
                    CREATE VIRTUAL TABLE \(index) USING fts5(text, content='\(table)', content_rowid='customerID', tokenize='\(tokenizer)');
                    INSERT INTO \(index)(\(index)) VALUES ('rebuild');
                    CREATE TRIGGER \(table)_indexInsert AFTER INSERT ON \(table) BEGIN
                        INSERT INTO \(index)(rowid, text) VALUES (new.customerID, new.text);
                    END;
                    CREATE TRIGGER \(table)_indexDelete AFTER DELETE ON \(table) BEGIN
                        INSERT INTO \(index)(\(index), rowid, text) VALUES ('delete', old.customerID, old.text);
                    END;
                    CREATE TRIGGER \(table)_indexUpdate AFTER UPDATE ON \(table) BEGIN
                        INSERT INTO \(index)(\(index), rowid, text) VALUES ('delete', old.customerID, old.text);
                        INSERT INTO \(index)(rowid, text) VALUES (new.customerID, new.text);
                    END;
                    """)
            }
            // The number of customers, kept by triggers: the whole unfiltered list's size is
            // read, not counted (8 ms of the first screen at a million customers).
            try db.execute(sql: """
                CREATE TABLE customerTotal (id INTEGER PRIMARY KEY CHECK (id = 1), total INTEGER NOT NULL);
                INSERT INTO customerTotal(id, total) SELECT 1, count(*) FROM customers;
                CREATE TRIGGER customers_totalInsert AFTER INSERT ON customers BEGIN
                    UPDATE customerTotal SET total = total + 1 WHERE id = 1;
                END;
                CREATE TRIGGER customers_totalDelete AFTER DELETE ON customers BEGIN
                    UPDATE customerTotal SET total = total - 1 WHERE id = 1;
                END;
                """)
            // A former code is found whole through an index too (search's exact tier).
            try db.execute(sql: "CREATE INDEX formerCodes_lower ON formerCodes(lower(code))")
            try db.execute(sql: "PRAGMA user_version = 16")
        }
        migrator.registerMigration("v17-postgresql-indexes") { db in
            // PostgreSQL's v17 (a per-statement customer count and search indexes of its
            // own) has nothing to change here: SQLite's v16 already serves both. The
            // number is taken on both engines, so that one number means one schema.
            try db.execute(sql: "PRAGMA user_version = 17")
        }
        migrator.registerMigration("v18-postgresql-owner-indexes") { db in
            // PostgreSQL's v18 (the owner's indexes carrying the customer's id) has nothing
            // to change here: SQLite's indexes hold the row's id already.
            try db.execute(sql: "PRAGMA user_version = 18")
        }
        return migrator
    }

    /// Fills the customers' next follow-up and last contact from their cards and visits,
    /// then keeps them so with triggers. Part of migration v6 (so never to be edited: a
    /// change is a new migration); the demo writer drops the triggers while it writes a
    /// million rows and runs this once at the end.
    static let listOrderKeys = """
                UPDATE customers SET
                  nextFollowUpOn = (SELECT MIN(k.nextVisitOn) FROM intentCards k INDEXED BY intentCards_customer
                                    WHERE k.customerID = customers.id AND k.state IN ('open', 'defeatPending')),
                  lastContactAt = (SELECT MAX(a.occurredAt) FROM activities a INDEXED BY activities_timeline WHERE a.customerID = customers.id);
                CREATE TRIGGER intentCards_nextFollowUp_insert AFTER INSERT ON intentCards BEGIN
                  UPDATE customers SET nextFollowUpOn = (SELECT MIN(k.nextVisitOn) FROM intentCards k INDEXED BY intentCards_customer
                    WHERE k.customerID = NEW.customerID AND k.state IN ('open', 'defeatPending')) WHERE id = NEW.customerID;
                END;
                CREATE TRIGGER intentCards_nextFollowUp_update AFTER UPDATE OF state, nextVisitOn, customerID ON intentCards BEGIN
                  UPDATE customers SET nextFollowUpOn = (SELECT MIN(k.nextVisitOn) FROM intentCards k INDEXED BY intentCards_customer
                    WHERE k.customerID = NEW.customerID AND k.state IN ('open', 'defeatPending')) WHERE id = NEW.customerID;
                END;
                CREATE TRIGGER activities_lastContact_insert AFTER INSERT ON activities BEGIN
                  UPDATE customers SET lastContactAt = NEW.occurredAt
                    WHERE id = NEW.customerID AND (lastContactAt IS NULL OR lastContactAt < NEW.occurredAt);
                END;
                CREATE TRIGGER activities_lastContact_update AFTER UPDATE OF occurredAt ON activities BEGIN
                  UPDATE customers SET lastContactAt = (SELECT MAX(a.occurredAt) FROM activities a INDEXED BY activities_timeline WHERE a.customerID = NEW.customerID)
                    WHERE id = NEW.customerID;
                END;
        """

    static let listOrderTriggerNames = ["intentCards_nextFollowUp_insert", "intentCards_nextFollowUp_update",
                                        "activities_lastContact_insert", "activities_lastContact_update"]

    /// The identifiers this binary knows, in order.
    static var knownIdentifiers: [String] { migrator.migrations }
}
