//! Every error names the file and says what to do.
