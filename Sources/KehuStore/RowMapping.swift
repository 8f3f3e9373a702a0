import GRDB
import KehuCore

// Domain types stay free of GRDB; this file is the one place that maps them to columns.
// Dates are stored as ISO text ('2026-03-05', '2026-03-05 14:30') so they sort as text and
// read plainly in the sqlite3 shell.

extension LocalDate {
    /// Stored dates are always ISO ("2026-03-05", or the start of "2026-03-05 14:30"), so
    /// they are read straight from their digits; anything else goes through the forgiving
    /// parser that reads what users type.
    package init?(column value: String?) {
        guard let value else { return nil }
        // Read in place (no copy of the bytes): maintenance plans read tens of thousands.
        let stored = value.utf8.withContiguousStorageIfAvailable { Self.iso($0) } ?? Self.iso(Array(value.utf8))
        if let stored {
            self = stored
            return
        }
        guard let date = DateParsing.date(value) else { return nil }
        self = date
    }

    /// "2026-03-05" at the start of `bytes`, or nil.
    private static func iso(_ bytes: some RandomAccessCollection<UInt8>) -> LocalDate? {
        guard bytes.count >= 10 else { return nil }
        let start = bytes.startIndex
        func at(_ offset: Int) -> UInt8 { bytes[bytes.index(start, offsetBy: offset)] }
        guard at(4) == 0x2D, at(7) == 0x2D else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for offset in range {
                let b = at(offset)
                guard b >= 0x30, b <= 0x39 else { return nil }
                n = n * 10 + Int(b - 0x30)
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        return LocalDate(year: y, month: m, day: d)
    }
}

extension LocalDateTime {
    /// "2026-03-05 14:30" as stored, read from its digits; other forms via the parser.
    package init?(column value: String?) {
        guard let value else { return nil }
        let bytes = Array(value.utf8.prefix(16))
        if bytes.count == 16, bytes[10] == 0x20, bytes[13] == 0x3A, let date = LocalDate(column: value) {
            let digits = [bytes[11], bytes[12], bytes[14], bytes[15]]
            if digits.allSatisfy({ (0x30...0x39).contains($0) }) {
                let h = Int(digits[0] - 0x30) * 10 + Int(digits[1] - 0x30), m = Int(digits[2] - 0x30) * 10 + Int(digits[3] - 0x30)
                if let moment = LocalDateTime(date: date, hour: h, minute: m) { self = moment; return }
            }
        }
        guard let moment = DateParsing.dateTime(value) else { return nil }
        self = moment
    }
}

/// The stored form of one record: column names in schema order with their values.
typealias ColumnValues = [(column: String, value: DatabaseValue)]

extension Customer {
    init(row: StoreRow) {
        self.init(id: row["id"], code: row["code"], name: row["name"],
                  createdAt: LocalDateTime(column: row["createdAt"]) ?? LocalDateTime(date: LocalDate(dayNumber: 0), hour: 0, minute: 0)!)
        address = row["address"]; postalCode = row["postalCode"]; phone = row["phone"]
        fax = row["fax"]; website = row["website"]; email = row["email"]
        industry = row["industry"]; legalRepresentative = row["legalRepresentative"]
        registeredCapitalWan = row["registeredCapitalWan"]; mainProducts = row["mainProducts"]
        yearsInBusiness = row["yearsInBusiness"]; businessCondition = row["businessCondition"]
        type = CustomerType(rawValue: row["type"]) ?? .other; typeOther = row["typeOther"]
        grade = CustomerGrade(rawValue: row["grade"]) ?? .general
        creditLevel = (row["creditLevel"] as String?).flatMap(CreditLevel.init(rawValue:))
        supplierStructure = row["supplierStructure"]
        source = CustomerSource(rawValue: row["source"]) ?? .other
        status = CustomerStatus(rawValue: row["status"]) ?? .potential
        province = row["province"]; city = row["city"]
        ownerID = row["ownerID"]; teamID = row["teamID"]; region = row["region"]
        updatedAt = LocalDateTime(column: row["updatedAt"]) ?? createdAt
        lastOrderOn = LocalDate(column: row["lastOrderOn"]); notes = row["notes"]
        claimedOn = LocalDate(column: row["claimedOn"])
        nature = row["nature"] ?? ""; creditLineYuan = row["creditLineYuan"]; invalidReason = row["invalidReason"] ?? ""
    }

    /// Every stored column but id and revision, in schema order.
    var columnValues: ColumnValues {
        [("code", code.databaseValue), ("name", name.databaseValue), ("address", address.databaseValue),
         ("postalCode", postalCode.databaseValue), ("phone", phone.databaseValue), ("fax", fax.databaseValue),
         ("website", website.databaseValue), ("email", email.databaseValue), ("industry", industry.databaseValue),
         ("legalRepresentative", legalRepresentative.databaseValue),
         ("registeredCapitalWan", registeredCapitalWan.databaseValue), ("mainProducts", mainProducts.databaseValue),
         ("yearsInBusiness", yearsInBusiness.databaseValue), ("businessCondition", businessCondition.databaseValue),
         ("type", type.rawValue.databaseValue), ("typeOther", typeOther.databaseValue),
         ("grade", grade.rawValue.databaseValue), ("creditLevel", creditLevel?.rawValue.databaseValue ?? .null),
         ("supplierStructure", supplierStructure.databaseValue), ("source", source.rawValue.databaseValue),
         ("status", status.rawValue.databaseValue), ("province", province.databaseValue), ("city", city.databaseValue),
         ("ownerID", ownerID.databaseValue), ("teamID", teamID.databaseValue), ("region", region.databaseValue),
         ("createdAt", createdAt.description.databaseValue), ("updatedAt", updatedAt.description.databaseValue),
         ("lastOrderOn", lastOrderOn?.description.databaseValue ?? .null), ("notes", notes.databaseValue),
         ("claimedOn", claimedOn?.description.databaseValue ?? .null),
         ("nature", nature.databaseValue), ("creditLineYuan", creditLineYuan.databaseValue),
         ("invalidReason", invalidReason.databaseValue)]
    }
}

extension Contact {
    init(row: StoreRow) {
        self.init(id: row["id"], customerID: row["customerID"], name: row["name"])
        department = row["department"]; position = row["position"]; mobile = row["mobile"]
        phone = row["phone"]; email = row["email"]
        gender = (row["gender"] as String?).flatMap(Gender.init(rawValue:))
        birthday = LocalDate(column: row["birthday"]); isDecisionMaker = row["isDecisionMaker"]
        notes = row["notes"]
    }

    var columnValues: ColumnValues {
        [("customerID", customerID.databaseValue), ("name", name.databaseValue),
         ("department", department.databaseValue), ("position", position.databaseValue),
         ("mobile", mobile.databaseValue), ("phone", phone.databaseValue), ("email", email.databaseValue),
         ("gender", gender?.rawValue.databaseValue ?? .null),
         ("birthday", birthday?.description.databaseValue ?? .null),
         ("isDecisionMaker", isDecisionMaker.databaseValue), ("notes", notes.databaseValue)]
    }
}

extension IntentCard {
    init(row: StoreRow) {
        self.init(id: row["id"], customerID: row["customerID"], number: row["number"],
                  createdOn: LocalDate(column: row["createdOn"]) ?? LocalDate(dayNumber: 0),
                  source: LeadSource(rawValue: row["source"]) ?? .other, filledByID: row["filledByID"],
                  personName: row["personName"], level: IntentLevel(rawValue: row["level"]) ?? .c)
        gender = (row["gender"] as String?).flatMap(Contact.Gender.init(rawValue:))
        age = row["age"]; phone = row["phone"]; occupation = row["occupation"]
        residence = row["residence"]; bestCallbackTime = row["bestCallbackTime"]
        currentProduct = row["currentProduct"] ?? ""; mainUser = row["mainUser"] ?? ""; purpose = row["purpose"] ?? ""
        situation = row["situation"] ?? ""; likedPoints = row["likedPoints"] ?? ""
        favourable = row["favourable"] ?? ""; unfavourable = row["unfavourable"] ?? ""
        resourcesNeeded = row["resourcesNeeded"] ?? ""; objections = row["objections"] ?? ""
        intentScore = row["intentScore"]
        register.companions = row["companions"]; register.arrivedAt = row["arrivedAt"] ?? ""; register.leftAt = row["leftAt"] ?? ""
        register.trialGiven = row["trialGiven"] ?? false; register.callbackPurpose = row["callbackPurpose"] ?? ""
        product = row["product"]; model = row["model"]; colour = row["colour"]
        purchaseType = PurchaseType(rawValue: row["purchaseType"]) ?? .new
        let points: String = row["focusPoints"]
        focusPoints = points.isEmpty ? [] : points.split(separator: "、").map(String.init)
        comparedProducts = row["comparedProducts"]; budgetYuan = row["budgetYuan"]
        paymentMethod = row["paymentMethod"]; nextVisitOn = LocalDate(column: row["nextVisitOn"])
        nextVisitTime = row["nextVisitTime"]
        state = CardState(rawValue: row["state"]) ?? .open; closedOn = LocalDate(column: row["closedOn"])
        closeReason = row["closeReason"] ?? ""; chosenProduct = row["chosenProduct"] ?? ""
        chosenPriceYuan = row["chosenPriceYuan"]; competitor = row["competitor"] ?? ""
        defeatAppliedOn = LocalDate(column: row["defeatAppliedOn"])
        defeatDecisionNote = row["defeatDecisionNote"] ?? ""
        defeatDoubtful = row["defeatDoubtful"] ?? false
        defeatReturnedAt = LocalDateTime(column: row["defeatReturnedAt"])
    }

    var columnValues: ColumnValues {
        [("customerID", customerID.databaseValue), ("number", number.databaseValue),
         ("createdOn", createdOn.description.databaseValue), ("source", source.rawValue.databaseValue),
         ("filledByID", filledByID.databaseValue), ("personName", personName.databaseValue),
         ("gender", gender?.rawValue.databaseValue ?? .null), ("age", age.databaseValue),
         ("phone", phone.databaseValue), ("occupation", occupation.databaseValue),
         ("residence", residence.databaseValue), ("bestCallbackTime", bestCallbackTime.databaseValue),
         ("product", product.databaseValue), ("model", model.databaseValue), ("colour", colour.databaseValue),
         ("purchaseType", purchaseType.rawValue.databaseValue),
         ("focusPoints", focusPoints.joined(separator: "、").databaseValue),
         ("comparedProducts", comparedProducts.databaseValue), ("budgetYuan", budgetYuan.databaseValue),
         ("paymentMethod", paymentMethod.databaseValue), ("level", level.rawValue.databaseValue),
         ("nextVisitOn", nextVisitOn?.description.databaseValue ?? .null),
         ("nextVisitTime", nextVisitTime.databaseValue),
         ("state", state.rawValue.databaseValue), ("closedOn", closedOn?.description.databaseValue ?? .null),
         ("closeReason", closeReason.databaseValue), ("chosenProduct", chosenProduct.databaseValue),
         ("chosenPriceYuan", chosenPriceYuan.databaseValue), ("competitor", competitor.databaseValue),
         ("defeatAppliedOn", defeatAppliedOn?.description.databaseValue ?? .null),
         ("defeatDecisionNote", defeatDecisionNote.databaseValue),
         ("defeatDoubtful", defeatDoubtful.databaseValue),
         ("defeatReturnedAt", defeatReturnedAt?.description.databaseValue ?? .null),
         ("currentProduct", currentProduct.databaseValue), ("mainUser", mainUser.databaseValue), ("purpose", purpose.databaseValue),
         ("situation", situation.databaseValue), ("likedPoints", likedPoints.databaseValue),
         ("favourable", favourable.databaseValue), ("unfavourable", unfavourable.databaseValue),
         ("resourcesNeeded", resourcesNeeded.databaseValue), ("objections", objections.databaseValue),
         ("intentScore", intentScore.databaseValue),
         ("companions", register.companions.databaseValue), ("arrivedAt", register.arrivedAt.databaseValue),
         ("leftAt", register.leftAt.databaseValue), ("trialGiven", register.trialGiven.databaseValue),
         ("callbackPurpose", register.callbackPurpose.databaseValue)]
    }
}

extension Activity {
    /// Package-wide: the demo writer reads a row back the same way the store does.
    package init(row: StoreRow) {
        self.init(id: row["id"], customerID: row["customerID"], cardID: row["cardID"],
                  visitNumber: row["visitNumber"], method: ContactMethod(rawValue: row["method"]) ?? .phone,
                  occurredAt: LocalDateTime(column: row["occurredAt"]) ?? LocalDateTime(date: LocalDate(dayNumber: 0), hour: 0, minute: 0)!,
                  handlerID: row["handlerID"], contactID: row["contactID"], content: row["content"])
        levelJudged = (row["levelJudged"] as String?).flatMap(IntentLevel.init(rawValue:))
        impression = row["impression"]; bottleneckPlan = row["bottleneckPlan"]
        nextVisitOn = LocalDate(column: row["nextVisitOn"])
        if let text: String = row["supervisorComment"], let signer: Int64 = row["commentSignerID"],
           let at = LocalDateTime(column: row["commentAt"]) {
            supervisorComment = SupervisorComment(text: text, signerID: signer, signedAt: at)
        }
        needsGuidance = row["needsGuidance"] ?? false
        doubtful = row["doubtful"] ?? false
        correctedAt = LocalDateTime(column: row["correctedAt"])
        correctedByID = row["correctedByID"]
        recheck = row["recheck"] ?? false
        if let text: String = row["reviewComment"], let reviewer: Int64 = row["reviewerID"],
           let at = LocalDateTime(column: row["reviewedAt"]) {
            managerReview = SupervisorComment(text: text, signerID: reviewer, signedAt: at)
        }
    }

    var columnValues: ColumnValues {
        [("customerID", customerID.databaseValue), ("cardID", cardID.databaseValue),
         ("visitNumber", visitNumber.databaseValue), ("method", method.rawValue.databaseValue),
         ("occurredAt", occurredAt.description.databaseValue), ("handlerID", handlerID.databaseValue),
         ("contactID", contactID.databaseValue), ("content", content.databaseValue),
         ("levelJudged", levelJudged?.rawValue.databaseValue ?? .null),
         ("impression", impression.databaseValue), ("bottleneckPlan", bottleneckPlan.databaseValue),
         ("nextVisitOn", nextVisitOn?.description.databaseValue ?? .null),
         ("supervisorComment", supervisorComment?.text.databaseValue ?? .null),
         ("commentSignerID", supervisorComment?.signerID.databaseValue ?? .null),
         ("commentAt", supervisorComment?.signedAt.description.databaseValue ?? .null),
         ("needsGuidance", needsGuidance.databaseValue),
         ("doubtful", doubtful.databaseValue),
         ("correctedAt", correctedAt?.description.databaseValue ?? .null),
         ("correctedByID", correctedByID.databaseValue),
         ("recheck", recheck.databaseValue),
         ("reviewComment", managerReview?.text.databaseValue ?? .null),
         ("reviewerID", managerReview?.signerID.databaseValue ?? .null),
         ("reviewedAt", managerReview?.signedAt.description.databaseValue ?? .null)]
    }
}

extension User {
    init(row: StoreRow) {
        self.init(id: row["id"], login: row["login"], displayName: row["displayName"],
                  role: Role(rawValue: row["role"]) ?? .salesperson, teamID: row["teamID"], region: row["region"])
        active = row["active"]
    }

    var columnValues: ColumnValues {
        [("login", login.databaseValue), ("displayName", displayName.databaseValue),
         ("role", role.rawValue.databaseValue), ("teamID", teamID.databaseValue),
         ("region", region.databaseValue), ("active", active.databaseValue)]
    }
}

extension Team {
    init(row: StoreRow) {
        self.init(id: row["id"], name: row["name"], region: row["region"], supervisorID: row["supervisorID"])
    }

    var columnValues: ColumnValues {
        [("name", name.databaseValue), ("region", region.databaseValue), ("supervisorID", supervisorID.databaseValue)]
    }
}

extension DatabaseValue {
    /// How a value reads in the audit history: text as is, numbers in decimal, NULL as nil.
    var auditText: String? {
        switch storage {
        case .null: return nil
        case .int64(let v): return String(v)
        case .double(let v): return String(v)
        case .string(let v): return v
        case .blob(let v): return "<\(v.count) bytes>"
        }
    }
}
