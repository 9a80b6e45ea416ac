//! Faults: a killed build, a full disk, a read-only output, two builds at once.
