import GRDB

/// Each person's last contact with each customer by each method, kept by triggers
/// whatever writes the visit: the maintenance plan asks it for every cooperating
/// customer at each start and login brief, and grouping a salesperson's seventy
/// thousand visits for it took longer than the whole brief may.
enum LastContacts {
    /// Migration v7: the table, filled from the visits, and its triggers; an index for the
    /// customers the plan reads.
    static func migrate(_ db: StoreConnection) throws {
        try db.execute(sql: """
            CREATE TABLE lastContacts (
              handlerID INTEGER NOT NULL,
              customerID INTEGER NOT NULL,
              method TEXT NOT NULL,
              lastAt TEXT NOT NULL,
              PRIMARY KEY (handlerID, customerID, method)
            ) WITHOUT ROWID;
            -- Today, the plan and the login brief read one owner's customers of one status
            -- (cooperating: maintenance, churn; prospects: the pool), or with a follow-up due
            -- (the v6 key). Covering: a large salesperson's customers lie on thousands of
            -- pages of the table, and reading each page cost more than the rest of the brief.
            CREATE INDEX customers_owner_status
              ON customers(ownerID, status, lastOrderOn, grade, createdAt, claimedOn, lastContactAt, code, name);
            CREATE INDEX customers_owner_nextFollowUp ON customers(ownerID, nextFollowUpOn, code, name);
            -- And those customers' due cards, from the index alone.
            CREATE INDEX intentCards_customer_due ON intentCards(customerID, state, nextVisitOn, level, nextVisitTime);
            """)
        try db.execute(sql: keys)
    }

    /// Fills the table from the visits, then keeps it so. Part of migration v7 (never to
    /// be edited: a change is a new migration); the demo writer drops the triggers while
    /// it writes a million visits and runs this once at the end.
    static let keys = """
        DELETE FROM lastContacts;
        INSERT INTO lastContacts(handlerID, customerID, method, lastAt)
          SELECT handlerID, customerID, method, MAX(occurredAt) FROM activities INDEXED BY activities_handler
          GROUP BY handlerID, method, customerID;
        CREATE TRIGGER activities_lastContacts_insert AFTER INSERT ON activities BEGIN
          INSERT INTO lastContacts(handlerID, customerID, method, lastAt) VALUES (NEW.handlerID, NEW.customerID, NEW.method, NEW.occurredAt)
            ON CONFLICT(handlerID, customerID, method) DO UPDATE SET lastAt = max(lastAt, excluded.lastAt);
        END;
        CREATE TRIGGER activities_lastContacts_update AFTER UPDATE OF handlerID, customerID, method, occurredAt ON activities BEGIN
          DELETE FROM lastContacts WHERE handlerID = OLD.handlerID AND customerID = OLD.customerID AND method = OLD.method;
          INSERT INTO lastContacts(handlerID, customerID, method, lastAt)
            SELECT handlerID, customerID, method, MAX(occurredAt) FROM activities INDEXED BY activities_handler
            WHERE handlerID = OLD.handlerID AND method = OLD.method AND customerID = OLD.customerID GROUP BY handlerID, method, customerID;
          INSERT INTO lastContacts(handlerID, customerID, method, lastAt) VALUES (NEW.handlerID, NEW.customerID, NEW.method, NEW.occurredAt)
            ON CONFLICT(handlerID, customerID, method) DO UPDATE SET lastAt = max(lastAt, excluded.lastAt);
        END;
        CREATE TRIGGER activities_lastContacts_delete AFTER DELETE ON activities BEGIN
          DELETE FROM lastContacts WHERE handlerID = OLD.handlerID AND customerID = OLD.customerID AND method = OLD.method;
          INSERT INTO lastContacts(handlerID, customerID, method, lastAt)
            SELECT handlerID, customerID, method, MAX(occurredAt) FROM activities INDEXED BY activities_handler
            WHERE handlerID = OLD.handlerID AND method = OLD.method AND customerID = OLD.customerID GROUP BY handlerID, method, customerID;
        END;
        """

    static let triggerNames = ["activities_lastContacts_insert", "activities_lastContacts_update", "activities_lastContacts_delete"]
}
