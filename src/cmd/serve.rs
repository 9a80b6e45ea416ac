//! `briefing serve`: build, serve on loopback, rebuild and reload on change.

use std::net::{IpAddr, Ipv4Addr};
use std::path::Path;

use briefing::build::BuildOptions;
use briefing::serve::{self, ServeOptions, Server};

use super::{say, warn, Verbosity};

#[derive(clap::Args)]
pub struct Args {
    /// Port to listen on; when it is taken, the next free one is used.
    #[arg(long, default_value_t = 4000)]
    port: u16,
    /// Address to listen on. Anything but loopback makes the preview
    /// reachable from other machines: use it only on a network you trust.
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST), value_name = "ADDRESS")]
    bind: IpAddr,
    /// Open the site in the default browser once it is served.
    #[arg(long)]
    open: bool,
    #[command(flatten)]
    site: super::build::SiteArgs,
}

pub fn execute(root: &Path, args: Args) -> anyhow::Result<()> {
    // A folder that is no project is refused before anything starts:
    // served, its error would only stand over an empty page.
    briefing::Config::load(root)?;
    let mut options = ServeOptions::new(root);
    options.port = args.port;
    options.bind = args.bind;
    options.quiet = super::verbosity() == Verbosity::Quiet;
    if !args.bind.is_loopback() {
        warn(format_args!(
            "listening on {}: the preview is reachable from other machines",
            args.bind
        ));
    }
    let mut build = BuildOptions {
        output: Some(options.output.clone()),
        ..BuildOptions::default()
    };
    args.site.apply(&mut build);
    let rebuild = serve::site_rebuild_with(root, build)?;
    let server = Server::start(options, rebuild)?;
    let url = server.url();
    say(format_args!(
        "Serving {} at {url} (Ctrl-C to stop)",
        root.display()
    ));
    if args.open {
        open_browser(&url);
    }
    server.run_until_interrupted();
    say("Stopped.");
    Ok(())
}

/// Opens `url` with the desktop's opener; failing to is only a warning.
fn open_browser(url: &str) {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut command = std::process::Command::new("cmd");
        command.args(["/C", "start", ""]);
        command
    } else {
        std::process::Command::new("xdg-open")
    };
    command
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    match command.spawn() {
        // Reap the opener when it exits, without waiting for it here.
        Ok(mut child) => {
            let url = url.to_string();
            std::thread::spawn(move || {
                if !child.wait().is_ok_and(|status| status.success()) {
                    warn(format_args!(
                        "could not open a browser; open {url} yourself"
                    ));
                }
            });
        }
        Err(err) => warn(format_args!(
            "could not open a browser ({err}); open {url} yourself"
        )),
    }
}
