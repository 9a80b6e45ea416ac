//! The word lists `cues` reads sentences with. Kept apart, one list to a
//! few lines, so the rules in `cues` read at a glance.

/// Words that may stand between a subject and its cue without being either.
pub const SKIPPED: &[&str] = &[
    "also", "further", "not", "only", "still", "therefore", "thus", "jointly", "strongly",
    "hereby", "again", "firmly", "fully", "collectively", "actively", "urgently", "now", "hence",
    "indeed", "accordingly", "once", "more", "continue", "continues", "continued", "to", "will",
    "would", "shall", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had",
    "do", "does", "did", "all", "both", "each", "like", "wish", "want", "can", "could", "may",
    "might", "likely", "expected", "set", "going", "plan", "plans", "intend", "intends", "seek",
    "seeks", "aim", "aims", "then", "therefore", "respectively", "certainly", "clearly",
    "equally", "instead",
];

/// Skipped words that make what follows a possibility or a forecast.
pub const HEDGES: &[&str] = &[
    "would", "could", "may", "might", "can", "likely", "expected", "set", "going", "plan",
    "plans", "intend", "intends", "seek", "seeks", "aim", "aims",
];

pub const RELATIVES: &[&str] = &[
    "that", "which", "who", "whom", "whose", "whereby",
];

pub const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "these", "those", "its", "their", "our", "his", "her", "such",
    "any", "no", "every", "your",
];

pub const FIRST_PERSON: &[&str] = &[
    "we", "i", "us",
];

/// Head nouns of subjects that can act: parties, governments, their people.
pub const ACTORS: &[&str] = &[
    "both", "they", "two", "governments", "government", "countries", "country", "nations",
    "nation", "parties", "party", "sides", "side", "states", "ministers", "minister",
    "ministries", "ministry", "leaders", "leader", "participants", "members", "member",
    "industries", "industry", "councils", "council", "associations", "association",
    "organizations", "organisations", "organization", "organisation", "administration",
    "administrations", "cabinet", "commission", "department", "departments", "agency", "agencies",
    "authorities", "authority", "regulators", "policymakers", "makers", "companies", "businesses",
    "sector", "sectors", "stakeholders", "partners", "allies", "congress", "parliament",
    "president", "secretary", "officials", "delegations", "signatories", "undersigned", "regions",
    "economies", "community", "communities", "g7", "g20",
];

/// Capitalised heads that name documents, meetings and programmes, not actors.
pub const THINGS: &[&str] = &[
    "agreement", "act", "order", "law", "treaty", "summit", "process", "framework", "plan",
    "strategy", "initiative", "principles", "guidelines", "report", "declaration", "statement",
    "program", "programme", "dialogue", "meeting", "code", "convention", "regulation",
    "directive", "ai", "it", "this", "that", "there",
];

/// Verbs whose `that` clause holds a hope or an opinion, not a pledge.
pub const COMPLEMENTS: &[&str] = &[
    "hope", "hopes", "expect", "expects", "believe", "believes", "trust", "think", "thinks",
    "anticipate", "anticipates", "wish", "wishes",
];

/// Verbs that report what someone else said.
pub const REPORTING: &[&str] = &[
    "said", "says", "say", "argued", "argues", "claimed", "claims", "according", "reportedly",
    "warned", "warns", "reports", "reported",
];

pub const NOT_ASKS: &[&str] = &[
    "have", "help", "helps", "result", "see", "mean",
];

pub const REMARKS: &[&str] = &[
    "noted", "stressed", "emphasized", "emphasised", "mentioned", "recalled", "remembered",
    "able", "possible", "expected", "seen", "said", "underlined",
];

pub const SPEECH: &[&str] = &[
    "underline", "stress", "note", "emphasize", "emphasise", "say", "admit", "acknowledge",
    "recognize", "recognise", "add", "point", "confess",
];

pub const STATES: &[&str] = &[
    "be", "have", "become", "benefit", "face", "need", "see", "remain", "help", "allow", "enable",
    "lead", "result", "depend", "require", "likely", "not", "also", "find", "get", "suffer",
    "gain", "lose", "probably", "form", "raise", "create", "make",
];
