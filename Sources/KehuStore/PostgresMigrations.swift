import GRDB

/// kehu's schema on PostgreSQL, numbered as SQLite's: PostgreSQL's v16 holds what SQLite's
/// v1 to v16 made; v17 and v18 are PostgreSQL's own (SQLite's change nothing but its
/// number), so a change to come is v19 on both engines. A landed migration is frozen here too:
/// change the schema by adding the next one.
///
/// Everything lives in the schema `kehu`, owned by `kehu_owner`, a role nobody logs in
/// as. Each kehu user is a login role of the same name as their Linux login, in the group
/// `kehu_user`, and PostgreSQL itself decides what they see: row-level security is enabled
/// and forced on every table, with a policy for each way a person may see a customer
/// (all, region, team, own, attached, team pool) and the rows that belong to one following
/// their customer.
enum PostgresMigrations {
    static let schemaVersion = 18

    /// Each migration's statements, in order, by number.
    static let migrations: [(version: Int, statements: [String])] = [
        (16, v16Tables + v16Derived + v16Visibility),
        (17, v17Total + v17Search + v17EveningQueue + v17ListWindow),
        (18, v18OwnersIndexes),
    ]

    /// The extensions a migration's statements use, made by the migrating login itself
    /// before them (kehu_owner may not make one): pg_trgm is one of PostgreSQL's own
    /// (Debian's postgresql package has it), trusted, so a database's owner may add it.
    static let extensions: [(version: Int, statement: String)] = [
        (17, "CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA kehu"),
    ]

    /// v17: the number of customers kept per statement, not per row. A row trigger updated
    /// the one counter row once per customer, and every update of one row in one
    /// transaction leaves a version the next must step over: a 10,000-row import spent
    /// most of its time there, and 100,000 rows did not finish in four minutes.
    static let v17Total: [String] = [
        "DROP TRIGGER customers_totalInsert ON customers",
        "DROP TRIGGER customers_totalDelete ON customers",
        "DROP FUNCTION customers_total()",
        """
        CREATE FUNCTION customers_totalAdded() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = kehu, pg_temp AS $$
        DECLARE change bigint;
        BEGIN
            SELECT count(*) INTO change FROM added;
            IF change > 0 THEN UPDATE customerTotal SET total = total + change WHERE id = 1; END IF;
            RETURN NULL;
        END $$
        """,
        """
        CREATE FUNCTION customers_totalRemoved() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = kehu, pg_temp AS $$
        DECLARE change bigint;
        BEGIN
            SELECT count(*) INTO change FROM removed;
            IF change > 0 THEN UPDATE customerTotal SET total = total - change WHERE id = 1; END IF;
            RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER customers_totalInsert AFTER INSERT ON customers REFERENCING NEW TABLE AS added
            FOR EACH STATEMENT EXECUTE FUNCTION customers_totalAdded()
        """,
        """
        CREATE TRIGGER customers_totalDelete AFTER DELETE ON customers REFERENCING OLD TABLE AS removed
            FOR EACH STATEMENT EXECUTE FUNCTION customers_totalRemoved()
        """,
        "REVOKE ALL ON FUNCTION customers_totalAdded(), customers_totalRemoved() FROM PUBLIC",
        "GRANT EXECUTE ON FUNCTION customers_totalAdded(), customers_totalRemoved() TO kehu_user",
    ]

    /// v17: search's anywhere tier through indexes, as SQLite's full-text indexes serve it
    /// (v16 there): the Chinese line's words with their positions (each character is a
    /// word, so one- and two-character queries are phrases), the pinyin and digit lines by
    /// trigram (pg_trgm, for queries of three or more). A search that found little read a
    /// whole line table on every keystroke: 178 ms at 100,000 customers.
    static let v17Search: [String] = [
        "CREATE INDEX searchHan_words ON searchHan USING gin (to_tsvector('simple'::regconfig, text))",
        "CREATE INDEX searchLatin_trigrams ON searchLatin USING gin (text gin_trgm_ops)",
        "CREATE INDEX searchDigits_trigrams ON searchDigits USING gin (text gin_trgm_ops)",
    ]

    /// v18: the owner's indexes a salesperson's Today list reads carry the customer's id,
    /// so PostgreSQL answers from the index alone: it fetched each of the owner's active
    /// customers from the table (2,527 pages for 3,121 customers, 90 ms at 100,000) only
    /// for the id SQLite's indexes hold as the row's own. (SQLite's v18 changes nothing
    /// but its number.) The owner's index of one column goes: both of these start with it.
    static let v18OwnersIndexes: [String] = [
        "DROP INDEX customers_owner",
        "DROP INDEX customers_owner_status",
        "CREATE INDEX customers_owner_status ON customers(ownerID, status, lastOrderOn, grade, createdAt, claimedOn, lastContactAt, code, name) INCLUDE (id)",
        "DROP INDEX customers_owner_nextFollowUp",
        "CREATE INDEX customers_owner_nextFollowUp ON customers(ownerID, nextFollowUpOn, code, name) INCLUDE (id)",
    ]

    /// v17: the evening queue's unchecked follow-ups read from the index alone. PostgreSQL,
    /// unable to know that so few of the visits with a card are unsigned, preferred to walk
    /// every visit with a card (200 ms at 100,000 customers) to fetching the rows it found.
    static let v17EveningQueue: [String] = [
        "DROP INDEX activities_unchecked",
        "CREATE INDEX activities_unchecked ON activities(occurredAt, id) WHERE cardID IS NOT NULL AND supervisorComment IS NULL",
    ]

    /// v17: the list's window in code order found from an index alone. PostgreSQL sorted
    /// every customer to find the page at row 55,000 (110 ms at 100,000 customers); with
    /// the ids beside the codes it counts along the index instead (12 ms).
    static let v17ListWindow: [String] = [
        "CREATE INDEX customers_code_id ON customers(code) INCLUDE (id)",
    ]

    /// The tables and indexes as SQLite's v16 left them. Text is compared byte by byte
    /// (`COLLATE "C"`), as SQLite does, so every list is in the same order on both engines;
    /// dates stay ISO text; flags stay 0 and 1.
    static let v16Tables: [String] = [
        """
        CREATE TABLE teams (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            name text COLLATE "C" NOT NULL UNIQUE,
            region text COLLATE "C" NOT NULL DEFAULT '',
            supervisorID bigint,
            revision bigint NOT NULL DEFAULT 1
        )
        """,
        """
        CREATE TABLE users (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            login text COLLATE "C" NOT NULL UNIQUE,
            displayName text COLLATE "C" NOT NULL,
            role text COLLATE "C" NOT NULL,
            teamID bigint REFERENCES teams(id),
            region text COLLATE "C" NOT NULL DEFAULT '',
            active bigint NOT NULL DEFAULT 1,
            revision bigint NOT NULL DEFAULT 1
        )
        """,
        """
        ALTER TABLE teams ADD FOREIGN KEY (supervisorID) REFERENCES users(id)
        """,
        """
        CREATE TABLE customers (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            code text COLLATE "C" NOT NULL UNIQUE,
            name text COLLATE "C" NOT NULL,
            address text COLLATE "C" NOT NULL DEFAULT '',
            postalCode text COLLATE "C" NOT NULL DEFAULT '',
            phone text COLLATE "C" NOT NULL DEFAULT '',
            fax text COLLATE "C" NOT NULL DEFAULT '',
            website text COLLATE "C" NOT NULL DEFAULT '',
            email text COLLATE "C" NOT NULL DEFAULT '',
            industry text COLLATE "C" NOT NULL DEFAULT '',
            legalRepresentative text COLLATE "C" NOT NULL DEFAULT '',
            registeredCapitalWan bigint,
            mainProducts text COLLATE "C" NOT NULL DEFAULT '',
            yearsInBusiness bigint,
            businessCondition text COLLATE "C" NOT NULL DEFAULT '',
            type text COLLATE "C" NOT NULL,
            typeOther text COLLATE "C" NOT NULL DEFAULT '',
            grade text COLLATE "C" NOT NULL,
            creditLevel text COLLATE "C",
            supplierStructure text COLLATE "C" NOT NULL DEFAULT '',
            source text COLLATE "C" NOT NULL,
            status text COLLATE "C" NOT NULL,
            province text COLLATE "C" NOT NULL DEFAULT '',
            city text COLLATE "C" NOT NULL DEFAULT '',
            ownerID bigint REFERENCES users(id),
            teamID bigint REFERENCES teams(id),
            region text COLLATE "C" NOT NULL DEFAULT '',
            createdAt text COLLATE "C" NOT NULL,
            updatedAt text COLLATE "C" NOT NULL,
            lastOrderOn text COLLATE "C",
            notes text COLLATE "C" NOT NULL DEFAULT '',
            revision bigint NOT NULL DEFAULT 1,
            phoneDigits text COLLATE "C",
            nameKey text COLLATE "C",
            claimedOn text COLLATE "C",
            pinyin text COLLATE "C" NOT NULL DEFAULT '',
            initials text COLLATE "C" NOT NULL DEFAULT '',
            nextFollowUpOn text COLLATE "C",
            lastContactAt text COLLATE "C",
            nature text COLLATE "C" NOT NULL DEFAULT '',
            creditLineYuan bigint,
            invalidReason text COLLATE "C" NOT NULL DEFAULT ''
        )
        """,
        """
        CREATE TABLE contacts (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            customerID bigint NOT NULL REFERENCES customers(id),
            name text COLLATE "C" NOT NULL,
            department text COLLATE "C" NOT NULL DEFAULT '',
            position text COLLATE "C" NOT NULL DEFAULT '',
            mobile text COLLATE "C" NOT NULL DEFAULT '',
            phone text COLLATE "C" NOT NULL DEFAULT '',
            email text COLLATE "C" NOT NULL DEFAULT '',
            gender text COLLATE "C",
            birthday text COLLATE "C",
            isDecisionMaker bigint NOT NULL DEFAULT 0,
            notes text COLLATE "C" NOT NULL DEFAULT '',
            mobileDigits text COLLATE "C",
            phoneDigits text COLLATE "C",
            revision bigint NOT NULL DEFAULT 1
        )
        """,
        """
        CREATE TABLE intentCards (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            customerID bigint NOT NULL REFERENCES customers(id),
            number text COLLATE "C" NOT NULL UNIQUE,
            createdOn text COLLATE "C" NOT NULL,
            source text COLLATE "C" NOT NULL,
            filledByID bigint NOT NULL REFERENCES users(id),
            personName text COLLATE "C" NOT NULL,
            gender text COLLATE "C",
            age bigint,
            phone text COLLATE "C" NOT NULL DEFAULT '',
            occupation text COLLATE "C" NOT NULL DEFAULT '',
            residence text COLLATE "C" NOT NULL DEFAULT '',
            bestCallbackTime text COLLATE "C" NOT NULL DEFAULT '',
            product text COLLATE "C" NOT NULL DEFAULT '',
            model text COLLATE "C" NOT NULL DEFAULT '',
            colour text COLLATE "C" NOT NULL DEFAULT '',
            purchaseType text COLLATE "C" NOT NULL,
            focusPoints text COLLATE "C" NOT NULL DEFAULT '',
            comparedProducts text COLLATE "C" NOT NULL DEFAULT '',
            budgetYuan bigint,
            paymentMethod text COLLATE "C" NOT NULL DEFAULT '',
            level text COLLATE "C" NOT NULL,
            nextVisitOn text COLLATE "C",
            state text COLLATE "C" NOT NULL,
            closedOn text COLLATE "C",
            revision bigint NOT NULL DEFAULT 1,
            phoneDigits text COLLATE "C",
            nextVisitTime text COLLATE "C",
            closeReason text COLLATE "C" NOT NULL DEFAULT '',
            chosenProduct text COLLATE "C" NOT NULL DEFAULT '',
            chosenPriceYuan bigint,
            competitor text COLLATE "C" NOT NULL DEFAULT '',
            defeatAppliedOn text COLLATE "C",
            defeatDecisionNote text COLLATE "C" NOT NULL DEFAULT '',
            defeatDoubtful bigint NOT NULL DEFAULT 0,
            defeatReturnedAt text COLLATE "C",
            currentProduct text COLLATE "C" NOT NULL DEFAULT '',
            mainUser text COLLATE "C" NOT NULL DEFAULT '',
            purpose text COLLATE "C" NOT NULL DEFAULT '',
            situation text COLLATE "C" NOT NULL DEFAULT '',
            likedPoints text COLLATE "C" NOT NULL DEFAULT '',
            favourable text COLLATE "C" NOT NULL DEFAULT '',
            unfavourable text COLLATE "C" NOT NULL DEFAULT '',
            resourcesNeeded text COLLATE "C" NOT NULL DEFAULT '',
            objections text COLLATE "C" NOT NULL DEFAULT '',
            intentScore bigint,
            companions bigint,
            arrivedAt text COLLATE "C" NOT NULL DEFAULT '',
            leftAt text COLLATE "C" NOT NULL DEFAULT '',
            trialGiven bigint NOT NULL DEFAULT 0,
            callbackPurpose text COLLATE "C" NOT NULL DEFAULT ''
        )
        """,
        """
        CREATE TABLE activities (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            customerID bigint NOT NULL REFERENCES customers(id),
            cardID bigint REFERENCES intentCards(id),
            visitNumber bigint NOT NULL,
            method text COLLATE "C" NOT NULL,
            occurredAt text COLLATE "C" NOT NULL,
            handlerID bigint NOT NULL REFERENCES users(id),
            contactID bigint REFERENCES contacts(id),
            content text COLLATE "C" NOT NULL,
            levelJudged text COLLATE "C",
            impression text COLLATE "C" NOT NULL DEFAULT '',
            bottleneckPlan text COLLATE "C" NOT NULL DEFAULT '',
            nextVisitOn text COLLATE "C",
            supervisorComment text COLLATE "C",
            commentSignerID bigint REFERENCES users(id),
            commentAt text COLLATE "C",
            revision bigint NOT NULL DEFAULT 1,
            needsGuidance bigint NOT NULL DEFAULT 0,
            commentSeen bigint NOT NULL DEFAULT 1,
            reviewComment text COLLATE "C",
            reviewerID bigint REFERENCES users(id),
            reviewedAt text COLLATE "C",
            doubtful bigint NOT NULL DEFAULT 0,
            correctedAt text COLLATE "C",
            correctedByID bigint REFERENCES users(id),
            recheck bigint NOT NULL DEFAULT 0
        )
        """,
        """
        CREATE TABLE settings (
            key text COLLATE "C" PRIMARY KEY,
            value text COLLATE "C" NOT NULL
        )
        """,
        """
        CREATE TABLE auditLog (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            at text COLLATE "C" NOT NULL,
            actor text COLLATE "C" NOT NULL,
            tableName text COLLATE "C" NOT NULL,
            rowID bigint NOT NULL,
            field text COLLATE "C" NOT NULL,
            oldValue text COLLATE "C",
            newValue text COLLATE "C"
        )
        """,
        """
        CREATE TABLE drafts (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            login text COLLATE "C" NOT NULL,
            kind text COLLATE "C" NOT NULL,
            customerID bigint,
            payload text COLLATE "C" NOT NULL,
            savedAt text COLLATE "C" NOT NULL
        )
        """,
        """
        CREATE TABLE orders (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            customerID bigint NOT NULL REFERENCES customers(id),
            cardID bigint REFERENCES intentCards(id),
            orderedOn text COLLATE "C" NOT NULL,
            amountYuan bigint NOT NULL,
            product text COLLATE "C" NOT NULL DEFAULT '',
            contractNumber text COLLATE "C" NOT NULL DEFAULT '',
            approval text COLLATE "C" NOT NULL DEFAULT '',
            settledOn text COLLATE "C",
            revision bigint NOT NULL DEFAULT 1,
            approvalState text COLLATE "C" NOT NULL DEFAULT 'approved',
            recordedByID bigint REFERENCES users(id),
            recordedAt text COLLATE "C" NOT NULL DEFAULT '',
            shippedYuan bigint NOT NULL DEFAULT 0,
            receivedYuan bigint NOT NULL DEFAULT 0
        )
        """,
        """
        CREATE TABLE customerMembers (
            customerID bigint NOT NULL REFERENCES customers(id),
            userID bigint NOT NULL REFERENCES users(id),
            PRIMARY KEY (customerID, userID)
        )
        """,
        """
        CREATE TABLE gradeProposals (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            customerID bigint NOT NULL REFERENCES customers(id),
            fromGrade text COLLATE "C" NOT NULL,
            toGrade text COLLATE "C" NOT NULL,
            score bigint NOT NULL,
            scoreSheet text COLLATE "C" NOT NULL,
            proposerID bigint NOT NULL REFERENCES users(id),
            proposedAt text COLLATE "C" NOT NULL,
            state text COLLATE "C" NOT NULL,
            decidedAt text COLLATE "C",
            note text COLLATE "C" NOT NULL DEFAULT '',
            revision bigint NOT NULL DEFAULT 1,
            reason text COLLATE "C" NOT NULL DEFAULT ''
        )
        """,
        """
        CREATE TABLE gradeApprovals (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            proposalID bigint NOT NULL REFERENCES gradeProposals(id),
            role text COLLATE "C" NOT NULL,
            approverID bigint NOT NULL REFERENCES users(id),
            decision text COLLATE "C" NOT NULL,
            decidedAt text COLLATE "C" NOT NULL,
            note text COLLATE "C" NOT NULL DEFAULT ''
        )
        """,
        """
        CREATE TABLE churnEvents (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            customerID bigint NOT NULL REFERENCES customers(id),
            ownerID bigint REFERENCES users(id),
            grade text COLLATE "C" NOT NULL,
            lostOn text COLLATE "C" NOT NULL,
            reason text COLLATE "C"
        )
        """,
        """
        CREATE TABLE poolReleases (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            customerID bigint NOT NULL REFERENCES customers(id),
            formerOwnerID bigint NOT NULL REFERENCES users(id),
            releasedOn text COLLATE "C" NOT NULL,
            reason text COLLATE "C" NOT NULL
        )
        """,
        """
        CREATE TABLE codeSerials (
            prefix text COLLATE "C" PRIMARY KEY,
            lastSerial bigint NOT NULL
        )
        """,
        """
        CREATE TABLE formerCodes (
            code text COLLATE "C" PRIMARY KEY,
            customerID bigint NOT NULL REFERENCES customers(id)
        )
        """,
        """
        CREATE TABLE searchHan (
            customerID bigint PRIMARY KEY REFERENCES customers(id),
            text text COLLATE "C" NOT NULL
        )
        """,
        """
        CREATE TABLE searchLatin (
            customerID bigint PRIMARY KEY REFERENCES customers(id),
            text text COLLATE "C" NOT NULL
        )
        """,
        """
        CREATE TABLE searchDigits (
            customerID bigint PRIMARY KEY REFERENCES customers(id),
            text text COLLATE "C" NOT NULL
        )
        """,
        """
        CREATE TABLE lastContacts (
            handlerID bigint NOT NULL,
            customerID bigint NOT NULL,
            method text COLLATE "C" NOT NULL,
            lastAt text COLLATE "C" NOT NULL,
            PRIMARY KEY (handlerID, customerID, method)
        )
        """,
        """
        CREATE TABLE leadVerdicts (
            customerID bigint PRIMARY KEY REFERENCES customers(id),
            effective bigint NOT NULL,
            note text COLLATE "C" NOT NULL DEFAULT '',
            judgedByID bigint NOT NULL REFERENCES users(id),
            judgedAt text COLLATE "C" NOT NULL
        )
        """,
        """
        CREATE TABLE activityCorrections (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            activityID bigint NOT NULL REFERENCES activities(id),
            correctedAt text COLLATE "C" NOT NULL,
            correctedByID bigint NOT NULL REFERENCES users(id),
            reason text COLLATE "C" NOT NULL,
            before text COLLATE "C" NOT NULL,
            afterSignature bigint NOT NULL DEFAULT 0
        )
        """,
        """
        CREATE TABLE contractDecisions (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            orderID bigint NOT NULL REFERENCES orders(id),
            step text COLLATE "C" NOT NULL,
            role text COLLATE "C" NOT NULL,
            approverID bigint NOT NULL REFERENCES users(id),
            approved bigint NOT NULL,
            decidedAt text COLLATE "C" NOT NULL,
            note text COLLATE "C" NOT NULL DEFAULT '',
            UNIQUE (orderID, step)
        )
        """,
        """
        CREATE TABLE customerTotal (
            id bigint PRIMARY KEY CHECK (id = 1),
            total bigint NOT NULL
        )
        """,
        """
        CREATE INDEX customers_owner ON customers(ownerID)
        """,
        """
        CREATE INDEX contacts_customer ON contacts(customerID)
        """,
        """
        CREATE INDEX intentCards_customer ON intentCards(customerID, state)
        """,
        """
        CREATE INDEX intentCards_due ON intentCards(state, nextVisitOn)
        """,
        """
        CREATE INDEX activities_timeline ON activities(customerID, occurredAt DESC, id DESC)
        """,
        """
        CREATE INDEX auditLog_row ON auditLog(tableName, rowID, at)
        """,
        """
        CREATE INDEX drafts_login ON drafts(login)
        """,
        """
        CREATE INDEX orders_customer ON orders(customerID, orderedOn)
        """,
        """
        CREATE INDEX customers_phoneDigits ON customers(phoneDigits)
        """,
        """
        CREATE INDEX customers_nameKey ON customers(nameKey)
        """,
        """
        CREATE INDEX contacts_phoneDigits ON contacts(phoneDigits)
        """,
        """
        CREATE INDEX intentCards_phoneDigits ON intentCards(phoneDigits)
        """,
        """
        CREATE INDEX intentCards_personName ON intentCards(personName)
        """,
        """
        CREATE INDEX contacts_birthday_monthDay ON contacts(substr(birthday, 6)) WHERE birthday IS NOT NULL
        """,
        """
        CREATE INDEX activities_card ON activities(cardID)
        """,
        """
        CREATE INDEX customerMembers_user ON customerMembers(userID)
        """,
        """
        CREATE INDEX customers_team ON customers(teamID, ownerID)
        """,
        """
        CREATE INDEX activities_unseenComments ON activities(handlerID, customerID) WHERE commentSeen = 0
        """,
        """
        CREATE INDEX activities_day ON activities(occurredAt)
        """,
        """
        CREATE INDEX activities_handler ON activities(handlerID, method, customerID, occurredAt)
        """,
        """
        CREATE INDEX activities_unchecked ON activities(occurredAt) WHERE cardID IS NOT NULL AND supervisorComment IS NULL
        """,
        """
        CREATE INDEX activities_commentAt ON activities(commentAt) WHERE commentAt IS NOT NULL
        """,
        """
        CREATE INDEX gradeProposals_state ON gradeProposals(state, customerID)
        """,
        """
        CREATE INDEX gradeApprovals_proposal ON gradeApprovals(proposalID)
        """,
        """
        CREATE INDEX churnEvents_owner ON churnEvents(ownerID, reason)
        """,
        """
        CREATE INDEX customers_status_lastOrder ON customers(status, lastOrderOn)
        """,
        """
        CREATE INDEX poolReleases_customer ON poolReleases(customerID, formerOwnerID, releasedOn)
        """,
        """
        CREATE INDEX formerCodes_customer ON formerCodes(customerID)
        """,
        """
        CREATE INDEX customers_nextFollowUp ON customers(coalesce(nextFollowUpOn, '9999-12-31'), code)
        """,
        """
        CREATE INDEX customers_lastContact ON customers(coalesce(lastContactAt, '') DESC, code)
        """,
        """
        CREATE INDEX customers_source ON customers(source)
        """,
        """
        CREATE INDEX customers_city ON customers(city)
        """,
        """
        CREATE INDEX gradeProposals_customer ON gradeProposals(customerID, state)
        """,
        """
        CREATE INDEX customers_owner_nextFollowUp ON customers(ownerID, nextFollowUpOn, code, name)
        """,
        """
        CREATE INDEX intentCards_customer_due ON intentCards(customerID, state, nextVisitOn, level, nextVisitTime)
        """,
        """
        CREATE INDEX intentCards_returned ON intentCards(defeatReturnedAt) WHERE defeatReturnedAt IS NOT NULL
        """,
        """
        CREATE INDEX leadVerdicts_judgedAt ON leadVerdicts(judgedAt)
        """,
        """
        CREATE INDEX activityCorrections_activity ON activityCorrections(activityID, id)
        """,
        """
        CREATE INDEX activities_recheck ON activities(recheck) WHERE recheck = 1
        """,
        """
        CREATE INDEX orders_pending ON orders(approvalState, id) WHERE approvalState = 'pending'
        """,
        """
        CREATE INDEX orders_outstanding ON orders(customerID) WHERE approvalState = 'approved' AND receivedYuan < amountYuan
        """,
        """
        CREATE INDEX formerCodes_lower ON formerCodes(lower(code))
        """,
        """
        CREATE INDEX contacts_mobileDigits ON contacts(mobileDigits)
        """,
        """
        CREATE INDEX contacts_name ON contacts(name)
        """,
        """
        CREATE INDEX customers_code_city ON customers(lower(substr(code, 5)))
        """,
        """
        CREATE INDEX customers_code_lower ON customers(lower(code))
        """,
        """
        CREATE INDEX customers_code_place ON customers(lower(substr(code, 4)))
        """,
        """
        CREATE INDEX customers_initials ON customers(initials)
        """,
        """
        CREATE INDEX customers_name ON customers(name)
        """,
        """
        CREATE INDEX customers_owner_status   ON customers(ownerID, status, lastOrderOn, grade, createdAt, claimedOn, lastContactAt, code, name)
        """,
        """
        CREATE INDEX customers_pinyin ON customers(pinyin)
        """
    ]

    /// What SQLite's triggers keep: former codes, the next follow-up and last contact on
    /// each customer, each handler's last contact by method, and the number of customers.
    /// The functions run as their owner, so a salesperson's write keeps them right without
    /// being allowed to write them directly.
    static let v16Derived: [String] = [
        """
        CREATE FUNCTION customers_formerCode() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = kehu, pg_temp AS $$
        BEGIN
            DELETE FROM formerCodes WHERE code = NEW.code;
            INSERT INTO formerCodes(code, customerID) VALUES (OLD.code, OLD.id)
                ON CONFLICT (code) DO UPDATE SET customerID = excluded.customerID;
            RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER customers_formerCode AFTER UPDATE OF code ON customers
            FOR EACH ROW WHEN (OLD.code <> NEW.code) EXECUTE FUNCTION customers_formerCode()
        """,
        """
        CREATE FUNCTION customers_total() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = kehu, pg_temp AS $$
        BEGIN
            UPDATE customerTotal SET total = total + CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END WHERE id = 1;
            RETURN NULL;
        END $$
        """,
        "CREATE TRIGGER customers_totalInsert AFTER INSERT ON customers FOR EACH ROW EXECUTE FUNCTION customers_total()",
        "CREATE TRIGGER customers_totalDelete AFTER DELETE ON customers FOR EACH ROW EXECUTE FUNCTION customers_total()",
        "INSERT INTO customerTotal(id, total) VALUES (1, 0)",
        """
        CREATE FUNCTION intentCards_nextFollowUp() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = kehu, pg_temp AS $$
        BEGIN
            UPDATE customers SET nextFollowUpOn = (SELECT MIN(k.nextVisitOn) FROM intentCards k
                WHERE k.customerID = NEW.customerID AND k.state IN ('open', 'defeatPending')) WHERE id = NEW.customerID;
            RETURN NULL;
        END $$
        """,
        "CREATE TRIGGER intentCards_nextFollowUp_insert AFTER INSERT ON intentCards FOR EACH ROW EXECUTE FUNCTION intentCards_nextFollowUp()",
        """
        CREATE TRIGGER intentCards_nextFollowUp_update AFTER UPDATE OF state, nextVisitOn, customerID ON intentCards
            FOR EACH ROW EXECUTE FUNCTION intentCards_nextFollowUp()
        """,
        """
        CREATE FUNCTION activities_lastContact() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = kehu, pg_temp AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                UPDATE customers SET lastContactAt = NEW.occurredAt
                    WHERE id = NEW.customerID AND (lastContactAt IS NULL OR lastContactAt < NEW.occurredAt);
            ELSE
                UPDATE customers SET lastContactAt = (SELECT MAX(a.occurredAt) FROM activities a WHERE a.customerID = NEW.customerID)
                    WHERE id = NEW.customerID;
            END IF;
            RETURN NULL;
        END $$
        """,
        "CREATE TRIGGER activities_lastContact_insert AFTER INSERT ON activities FOR EACH ROW EXECUTE FUNCTION activities_lastContact()",
        """
        CREATE TRIGGER activities_lastContact_update AFTER UPDATE OF occurredAt ON activities
            FOR EACH ROW EXECUTE FUNCTION activities_lastContact()
        """,
        """
        CREATE FUNCTION activities_lastContacts() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = kehu, pg_temp AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
                DELETE FROM lastContacts WHERE handlerID = OLD.handlerID AND customerID = OLD.customerID AND method = OLD.method;
                INSERT INTO lastContacts(handlerID, customerID, method, lastAt)
                    SELECT handlerID, customerID, method, MAX(occurredAt) FROM activities
                    WHERE handlerID = OLD.handlerID AND method = OLD.method AND customerID = OLD.customerID
                    GROUP BY handlerID, method, customerID;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                INSERT INTO lastContacts(handlerID, customerID, method, lastAt) VALUES (NEW.handlerID, NEW.customerID, NEW.method, NEW.occurredAt)
                    ON CONFLICT (handlerID, customerID, method) DO UPDATE SET lastAt = GREATEST(lastContacts.lastAt, excluded.lastAt);
            END IF;
            RETURN NULL;
        END $$
        """,
        "CREATE TRIGGER activities_lastContacts_insert AFTER INSERT ON activities FOR EACH ROW EXECUTE FUNCTION activities_lastContacts()",
        """
        CREATE TRIGGER activities_lastContacts_update AFTER UPDATE OF handlerID, customerID, method, occurredAt ON activities
            FOR EACH ROW EXECUTE FUNCTION activities_lastContacts()
        """,
        "CREATE TRIGGER activities_lastContacts_delete AFTER DELETE ON activities FOR EACH ROW EXECUTE FUNCTION activities_lastContacts()",
    ]

    /// Every table of v16, for the policies and grants.
    static let v16TableNames = [
        "teams", "users", "customers", "contacts", "intentCards", "activities", "settings", "auditLog", "drafts", "orders",
        "customerMembers", "gradeProposals", "gradeApprovals", "churnEvents", "poolReleases", "codeSerials", "formerCodes",
        "searchHan", "searchLatin", "searchDigits", "lastContacts", "leadVerdicts", "activityCorrections", "contractDecisions",
        "customerTotal",
    ]

    /// Tables whose rows belong to one customer (`customerID`): seen with their customer.
    static let v16CustomersRows = [
        "contacts", "intentCards", "activities", "orders", "gradeProposals", "churnEvents", "poolReleases", "formerCodes",
        "searchHan", "searchLatin", "searchDigits", "lastContacts", "leadVerdicts",
    ]

    /// Who is looking and how far they see, as `Viewer.scope` says; then one policy per way
    /// of seeing. The viewer is the session's login (`session_user`): a function that runs
    /// as its owner still answers for the person who connected.
    static let v16Visibility: [String] = [
        """
        CREATE FUNCTION viewer_id() RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER SET search_path = kehu, pg_temp AS $$
            SELECT id FROM users WHERE login = session_user AND active = 1
        $$
        """,
        """
        CREATE FUNCTION viewer_team() RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER SET search_path = kehu, pg_temp AS $$
            SELECT teamID FROM users WHERE login = session_user AND active = 1
        $$
        """,
        """
        CREATE FUNCTION viewer_region() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = kehu, pg_temp AS $$
            SELECT region FROM users WHERE login = session_user AND active = 1
        $$
        """,
        """
        CREATE FUNCTION viewer_role() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = kehu, pg_temp AS $$
            SELECT role FROM users WHERE login = session_user AND active = 1
        $$
        """,
        // 'everything', 'region', 'team' or 'own'; NULL for anyone who is not an active user.
        """
        CREATE FUNCTION viewer_scope() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = kehu, pg_temp AS $$
            SELECT CASE
                WHEN role IN ('admin', 'generalManager') THEN 'everything'
                WHEN role IN ('salesManager', 'marketingManager') THEN CASE WHEN region = '' THEN 'everything' ELSE 'region' END
                WHEN role IN ('supervisor', 'assistant') AND teamID IS NOT NULL THEN 'team'
                ELSE 'own' END
            FROM users WHERE login = session_user AND active = 1
        $$
        """,
        // The customers the viewer is attached to: read as the owner, so that the customers'
        // policy does not go through the attachments' own, which goes through it. A set,
        // so a query reads it once (a hashed subplan), not once a row.
        """
        CREATE FUNCTION viewer_attachments() RETURNS SETOF bigint LANGUAGE sql STABLE SECURITY DEFINER SET search_path = kehu, pg_temp AS $$
            SELECT m.customerID FROM customerMembers m JOIN users u ON u.id = m.userID WHERE u.login = session_user AND u.active = 1
        $$
        """,
        "CREATE POLICY customers_all ON customers TO kehu_user USING ((SELECT viewer_scope()) = 'everything')",
        "CREATE POLICY customers_region ON customers TO kehu_user USING ((SELECT viewer_scope()) = 'region' AND region = (SELECT viewer_region()))",
        "CREATE POLICY customers_team ON customers TO kehu_user USING ((SELECT viewer_scope()) = 'team' AND teamID = (SELECT viewer_team()))",
        "CREATE POLICY customers_own ON customers TO kehu_user USING ((SELECT viewer_scope()) = 'own' AND ownerID = (SELECT viewer_id()))",
        "CREATE POLICY customers_attached ON customers TO kehu_user USING ((SELECT viewer_scope()) = 'own' AND id IN (SELECT viewer_attachments()))",
        """
        CREATE POLICY customers_teamPool ON customers TO kehu_user
            USING ((SELECT viewer_scope()) = 'own' AND ownerID IS NULL AND teamID IS NOT DISTINCT FROM (SELECT viewer_team()))
        """,
        // Where a customer may go is kehu's rule (a move to another team, a release to a
        // pool): PostgreSQL makes sure only a customer one may see is changed, and that a
        // salesperson creates customers only for themselves or a pool.
        """
        CREATE POLICY customers_moved ON customers FOR UPDATE TO kehu_user USING (false) WITH CHECK ((SELECT viewer_scope()) IS NOT NULL)
        """,
        """
        CREATE POLICY customers_created ON customers FOR INSERT TO kehu_user
            WITH CHECK ((SELECT viewer_scope()) <> 'own' OR ownerID IS NULL OR ownerID = (SELECT viewer_id()))
        """,
        """
        CREATE POLICY customerMembers_seen ON customerMembers TO kehu_user
            USING (userID = (SELECT viewer_id()) OR EXISTS (SELECT 1 FROM customers c WHERE c.id = customerMembers.customerID))
        """,
        "CREATE POLICY gradeApprovals_seen ON gradeApprovals TO kehu_user USING (EXISTS (SELECT 1 FROM gradeProposals p WHERE p.id = gradeApprovals.proposalID))",
        "CREATE POLICY contractDecisions_seen ON contractDecisions TO kehu_user USING (EXISTS (SELECT 1 FROM orders o WHERE o.id = contractDecisions.orderID))",
        "CREATE POLICY activityCorrections_seen ON activityCorrections TO kehu_user USING (EXISTS (SELECT 1 FROM activities a WHERE a.id = activityCorrections.activityID))",
        // People and teams as the directory shows them (`visibleUsers`, `visibleTeams`).
        """
        CREATE POLICY users_seen ON users TO kehu_user USING (
            id = (SELECT viewer_id())
            OR (SELECT viewer_scope()) = 'everything'
            OR ((SELECT viewer_scope()) = 'region' AND (region = (SELECT viewer_region())
                OR teamID IN (SELECT t.id FROM teams t WHERE t.region = (SELECT viewer_region()))))
            OR ((SELECT viewer_scope()) IN ('team', 'own') AND teamID = (SELECT viewer_team())))
        """,
        """
        CREATE POLICY teams_seen ON teams TO kehu_user USING (
            (SELECT viewer_scope()) = 'everything'
            OR ((SELECT viewer_scope()) = 'region' AND region = (SELECT viewer_region()))
            OR ((SELECT viewer_scope()) IN ('team', 'own') AND id = (SELECT viewer_team())))
        """,
        // A record of changes is seen with what it records; one's own changes always.
        """
        CREATE POLICY auditLog_seen ON auditLog TO kehu_user USING (
            (SELECT viewer_scope()) = 'everything'
            OR actor = session_user
            OR (tableName = 'customers' AND EXISTS (SELECT 1 FROM customers c WHERE c.id = auditLog.rowID))
            OR (tableName = 'contacts' AND EXISTS (SELECT 1 FROM contacts k WHERE k.id = auditLog.rowID))
            OR (tableName = 'activities' AND EXISTS (SELECT 1 FROM activities a WHERE a.id = auditLog.rowID))
            OR (tableName = 'intentCards' AND EXISTS (SELECT 1 FROM intentCards k WHERE k.id = auditLog.rowID))
            OR (tableName = 'orders' AND EXISTS (SELECT 1 FROM orders o WHERE o.id = auditLog.rowID)))
        """,
        "CREATE POLICY settings_read ON settings FOR SELECT TO kehu_user USING ((SELECT viewer_scope()) IS NOT NULL)",
        "CREATE POLICY settings_admin ON settings TO kehu_user USING ((SELECT viewer_role()) = 'admin')",
        "CREATE POLICY drafts_own ON drafts TO kehu_user USING (login = session_user)",
        "CREATE POLICY codeSerials_used ON codeSerials TO kehu_user USING ((SELECT viewer_scope()) IS NOT NULL)",
        "CREATE POLICY customerTotal_all ON customerTotal FOR SELECT TO kehu_user USING ((SELECT viewer_scope()) = 'everything')",
        // The duplicate check looks through every owner's customers, but tells only that a
        // match exists and whose it is; the name comes back only where the viewer may see
        // the customer (through `duplicates`, which reads it under the viewer's own policies).
        """
        CREATE FUNCTION duplicate_matches(wantedPhone text, wantedCompany text, wantedPerson text, most integer)
            RETURNS TABLE (customerID bigint, code text, ownerID bigint, ownerName text, reason text)
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = kehu, pg_temp AS $$
            WITH found AS (
                SELECT id, 1 AS kind FROM customers WHERE wantedPhone IS NOT NULL AND phoneDigits = wantedPhone
                UNION SELECT customerID, 1 FROM contacts WHERE wantedPhone IS NOT NULL AND (mobileDigits = wantedPhone OR phoneDigits = wantedPhone)
                UNION SELECT customerID, 1 FROM intentCards WHERE wantedPhone IS NOT NULL AND phoneDigits = wantedPhone
                UNION SELECT id, 2 FROM customers WHERE wantedCompany <> '' AND nameKey = wantedCompany
                UNION SELECT customerID, 3 FROM contacts WHERE wantedPerson <> '' AND name = wantedPerson
                UNION SELECT customerID, 3 FROM intentCards WHERE wantedPerson <> '' AND personName = wantedPerson),
            best AS (SELECT id, MIN(kind) AS kind FROM found GROUP BY id)
            SELECT c.id, c.code, c.ownerID, u.displayName,
                   CASE f.kind WHEN 1 THEN 'phone' WHEN 2 THEN 'companyName' ELSE 'personName' END
            FROM best f JOIN customers c ON c.id = f.id LEFT JOIN users u ON u.id = c.ownerID
            WHERE (SELECT viewer_scope()) IS NOT NULL
            ORDER BY f.kind, c.id LIMIT most
        $$
        """,
        """
        CREATE FUNCTION duplicates(wantedPhone text, wantedCompany text, wantedPerson text, most integer)
            RETURNS TABLE (customerID bigint, code text, name text, ownerID bigint, ownerName text, reason text, openable boolean)
            LANGUAGE sql STABLE SET search_path = kehu, pg_temp AS $$
            SELECT m.customerID, m.code, coalesce(c.name, ''), m.ownerID, m.ownerName, m.reason, c.id IS NOT NULL
            FROM duplicate_matches(wantedPhone, wantedCompany, wantedPerson, most) m LEFT JOIN customers c ON c.id = m.customerID
        $$
        """,
    ] + v16CustomersRows.map { table in
        "CREATE POLICY \(table)_seen ON \(table) TO kehu_user USING (EXISTS (SELECT 1 FROM customers c WHERE c.id = \(table).customerID))"
    } + v16TableNames.flatMap { table in [
        "ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE \(table) FORCE ROW LEVEL SECURITY",
        // The owner keeps every row (the derived data's functions run as it).
        "CREATE POLICY \(table)_owner ON \(table) TO kehu_owner USING (true) WITH CHECK (true)",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON \(table) TO kehu_user",
    ] } + [
        "GRANT USAGE ON ALL SEQUENCES IN SCHEMA kehu TO kehu_user",
        "REVOKE ALL ON ALL FUNCTIONS IN SCHEMA kehu FROM PUBLIC",
        "GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA kehu TO kehu_user",
    ]
}

extension PostgresMigrations {
    /// Why a PostgreSQL database cannot be brought up to this kehu's schema.
    enum Problem: Error, Equatable {
        /// A newer kehu migrated it (its numbers, beyond this kehu's).
        case newer([Int])
        /// The login may not create kehu's roles and schema (it needs CREATEROLE and CREATE
        /// on the database: a superuser, or the database's owner given CREATEROLE).
        case notAllowed(String)
    }

    /// The same as `applied` in one round trip, for opening (outside any transaction,
    /// where a failed statement spoils nothing): a database without kehu's schema answers
    /// that the table is undefined (SQLSTATE 42P01).
    static func appliedAtOpening(_ link: PostgresLink) throws -> [Int] {
        do {
            return try link.rows("SELECT version FROM kehu.schemaVersion ORDER BY version").compactMap { Int.fromDatabaseValue($0[0]) }
        } catch let failure as PostgresLink.Failure where failure.state == "42P01" {
            return []
        }
    }

    /// The numbers already applied to the database on `link` (empty: no kehu schema yet).
    static func applied(_ link: PostgresLink) throws -> [Int] {
        guard try link.flag("SELECT to_regclass('kehu.schemaVersion') IS NOT NULL") else { return [] }
        return try link.rows("SELECT version FROM kehu.schemaVersion ORDER BY version").compactMap { Int.fromDatabaseValue($0[0]) }
    }

    /// Brings the database on `link` up to `schemaVersion` in one transaction (or in the
    /// caller's): the two roles (made once per server), the schema `kehu` and every
    /// migration it lacks, all made as `kehu_owner`.
    /// (`upTo` stops at an older number: the tests make a database as an older kehu left it.)
    static func migrate(_ link: PostgresLink, at now: String, inTransaction: Bool = false, upTo last: Int = schemaVersion) throws {
        guard inTransaction else {
            return try link.transaction { try migrate(link, at: now, inTransaction: true, upTo: last) }
        }
        let before = try applied(link)
        let newer = before.filter { $0 > schemaVersion }
        guard newer.isEmpty else { throw Problem.newer(newer) }
        // Roles are the server's, not one database's: two databases set up at once may both
        // find one missing, and the second to make it is told it exists — which is as good.
        for role in ["kehu_owner", "kehu_user"] {
            try allowed(link, """
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(role)') THEN CREATE ROLE \(role) NOLOGIN; END IF;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                END $$
                """)
        }
        try asOwner(link, first: {
            // The database's owner may make a schema; kehu_owner then owns it.
            try allowed(link, "CREATE SCHEMA IF NOT EXISTS kehu AUTHORIZATION kehu_owner")
            // kehu's statements are short: compiling them (JIT) takes longer than running them.
            try allowed(link, "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET jit = off', current_database()); END $$")
            for (version, statement) in extensions where !before.contains(version) && version <= last { try allowed(link, statement) }
        }) {
            try link.execute("""
                CREATE TABLE IF NOT EXISTS schemaVersion (version bigint PRIMARY KEY, appliedAt text COLLATE "C" NOT NULL)
                """)
            try link.execute("ALTER TABLE schemaVersion ENABLE ROW LEVEL SECURITY")
            try link.execute("ALTER TABLE schemaVersion FORCE ROW LEVEL SECURITY")
            try link.execute("""
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = 'kehu' AND tablename = 'schemaversion') THEN
                        CREATE POLICY schemaVersion_read ON schemaVersion FOR SELECT USING (true);
                        CREATE POLICY schemaVersion_owner ON schemaVersion TO kehu_owner USING (true) WITH CHECK (true);
                    END IF;
                END $$
                """)
            try link.execute("GRANT USAGE ON SCHEMA kehu TO kehu_user")
            try link.execute("GRANT SELECT ON schemaVersion TO kehu_user")
            let done = Set(try applied(link))
            for (version, statements) in migrations where !done.contains(version) && version <= last {
                for statement in statements { try link.execute(statement) }
                try link.execute("INSERT INTO schemaVersion(version, appliedAt) VALUES ($1, $2)",
                                 [Int64(version).databaseValue, now.databaseValue])
            }
        }
    }

    /// What SQLite's first migration writes into a new file besides its tables: the
    /// follow-up cadence of each intent level (SPEC §2), as settings a company may change.
    /// For a database made empty (`kehu migrate` brings the team's own).
    static func seedNew(_ link: PostgresLink) throws {
        for (level, days) in [("H", 0), ("A", 7), ("B", 14), ("C", 30)] {
            try link.execute("INSERT INTO settings(key, value) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                             ["cadence.\(level)".databaseValue, String(days).databaseValue])
        }
    }

    /// `body` run as `kehu_owner`, inside the caller's transaction. The login is made a
    /// member of `kehu_owner` only for the while, so that afterwards it sees rows by the
    /// policies as everyone else does.
    /// `first` runs as the login itself, once it is a member.
    static func asOwner<T>(_ link: PostgresLink, first: () throws -> Void = {}, _ body: () throws -> T) throws -> T {
        let superuser = try link.flag("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        let member = try link.flag("SELECT pg_has_role(current_user, 'kehu_owner', 'MEMBER')")
        if !superuser && !member { try allowed(link, "GRANT kehu_owner TO CURRENT_USER") }
        try first()
        try link.execute("SET LOCAL ROLE kehu_owner")
        try link.execute("SET LOCAL search_path = kehu, public")
        let result = try body()
        try link.execute("RESET ROLE")
        if !superuser && !member { try link.execute("REVOKE kehu_owner FROM CURRENT_USER") }
        return result
    }

    /// A statement only a login with the right privileges may run: refused as `notAllowed`.
    private static func allowed(_ link: PostgresLink, _ sql: String) throws {
        do {
            try link.execute(sql)
        } catch let failure as PostgresLink.Failure where failure.state == "42501" {
            // insufficient_privilege
            throw Problem.notAllowed(failure.description)
        }
    }

    /// Makes a login role for each kehu user the server lacks, in the group `kehu_user`
    /// (peer authentication then lets the Linux login of that name in, with no password).
    static func addLogins(_ link: PostgresLink, _ logins: [String]) throws {
        for login in logins {
            let quoted = "\"" + login.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            if try link.value("SELECT 1 FROM pg_roles WHERE rolname = $1", [login.databaseValue]) != nil {
                try allowed(link, "GRANT kehu_user TO \(quoted)")
                continue
            }
            // Made meanwhile by another database's set-up (roles are the server's): then
            // only joined to the group, the failed statement undone alone.
            try link.execute("SAVEPOINT kehu_login")
            do {
                try allowed(link, "CREATE ROLE \(quoted) LOGIN IN ROLE kehu_user")
                try link.execute("RELEASE SAVEPOINT kehu_login")
            } catch let failure as PostgresLink.Failure where failure.state == "23505" || failure.state == "42710" {
                try link.execute("ROLLBACK TO SAVEPOINT kehu_login")
                try link.execute("RELEASE SAVEPOINT kehu_login")
                try allowed(link, "GRANT kehu_user TO \(quoted)")
            }
        }
    }
}
