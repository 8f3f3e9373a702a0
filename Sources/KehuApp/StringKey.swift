/// Every fixed piece of interface text. Each language answers all of them in its own file
/// (an exhaustive switch), so a missing translation does not compile.
public enum StringKey: CaseIterable, Sendable {
    // Frame
    case viewAllCustomers, paneCustomers, paneTimeline, paneCard, customersWord
    case noCustomers, noCustomersHint, noActivities, noSelection, loadingFailed
    case unregisteredRole
    // Card
    case code, type, grade, status, source, address, postalCode, phone, fax, website, email, industry
    case legalRepresentative, registeredCapital, mainProducts, businessCondition, yearsInBusiness
    case creditLevel, supplierStructure, provinceCity, owner, team, region, lastOrder, created, updated
    case notes, contacts, decisionMaker, intentCard, developmentRecord, formerCodes, noOwnerPool, budget, compared
    case nextVisit, cardClosed
    // Timeline
    case supervisorComment, bottleneck, impression, withContact
    // Units
    case tenThousandYuan, years
    // Help
    case helpTitle, helpGlobal, helpFooter
    // Terminal too small
    case tooSmallHint
    // Messages
    case keymapFallback, themeFallback, waitingForLock, waitingForCheck, openedReadOnly, databaseDamaged, needsTerminal
    // Today
    case viewToday, paneToday, dueToday, followUpDue, callBackDue, birthdayDue, greetings, nothingDue, noCustomerSelected
    // Forms
    case followUpTitle, leadTitle, newContactOption, noOpenCard, formInvalid
    case discardQuestion, discardYes, discardNo
    case duplicatesTitle, duplicatesOpen, duplicatesCreate, duplicatesBack, duplicateOthers
    case draftQuestion, draftRestore, draftDiscard, draftLater, draftFollowUp, draftLead
    case editorFailed
    // Archive editing, history, closing cards
    case customerFormTitle, contactFormTitle, closeCardTitle, defeatApplication, historyTitle, historyEmpty
    case savedCustomer, savedContact, nothingChanged, dealSaved, orderFormTitle, contractApproval, orders, settled, downgradeReason, searchTitle, searchHint, searchNothing, filterTitle, filterAny, filterOverdueOnly, filterCleared, viewReports, paneReports, defeatApplied, noCardToClose
    // Evening check
    case viewEvening, paneEvening, overdueCards, defeatApplications, carriedOver, checked, needsGuidanceMark
    case doubtfulMark, doubtfulDefeatMark, theirPrice, appliedOn, defeatReturnedDue, returnedBecause, doubtfulTag
    case leadEffective, leadIneffective, leadVerdictTitle, leadLabel, correctionLabel
    case commentTitle, returnTitle, commentSigned, defeatApproved, defeatReturned, nothingToCheck
    case levelLabel, contentLabel, reasonLabel, newCommentMark, thisTime
    case viewSpotCheck, paneSpotCheck, managerReview, reviewTitle, reviewSigned
    case poolWarningDue, poolPreviewTitle, nothingDropsTomorrow, assignTitle
    case churnWarningDue, churnReasonDue, churnReasonTitle, churnReasonSaved
    case gradeTitle, viewApprovals, paneApprovals, nothingToApprove, gradeApproved, gradeRejected, rejectTitle, scoreTotal, approversLabel, noApprovalNeeded
}
