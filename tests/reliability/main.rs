//! Reliability and security of `briefing build`: hostile content, paths
//! that try to escape `public/`, faults (a killed build, a full disk, a
//! read-only folder, two builds at once), damaged PDFs, and the message of
//! every error.

mod errors;
mod faults;
mod fuzz_regressions;
mod hostile;
mod nothing_lost;
mod paths;
mod pdf;
mod support;
