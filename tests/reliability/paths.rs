//! Paths: nothing a document says can make a build write outside `public/`.
