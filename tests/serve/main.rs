//! Integration tests of `briefing serve`: a real server on a free port,
//! fetched over HTTP, with files edited underneath it.

mod browser;
mod cli;
mod client;
mod fixture;
mod http;
mod incremental;
mod live;
mod load;
mod real_build;
mod slow_client;
