//! Child processes: running one to completion with its CPU time and peak RSS,
//! reading a live one's RSS from `/proc`, and free loopback ports.

use std::net::SocketAddr;
use std::process::{Child, Command};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// What a finished child cost.
#[derive(Debug, Clone, Copy)]
pub struct Finished {
    /// Wall-clock time from spawn to exit.
    pub wall: Duration,
    /// User + system CPU time.
    pub cpu: Duration,
    /// Peak resident set size, in bytes.
    pub max_rss: u64,
}

impl Finished {
    /// CPU time over wall time, in percent (100 % = one core busy).
    pub fn cpu_percent(&self) -> f64 {
        100.0 * self.cpu.as_secs_f64() / self.wall.as_secs_f64()
    }
}

/// Runs `command` to completion; panics when it fails. The peak RSS is the child's own
/// `VmHWM`, read every 20 ms while it runs: `ru_maxrss` would also count the memory of this
/// process at the time of the fork, which Linux carries across `exec`.
pub fn run(command: &mut Command) -> Finished {
    let started = Instant::now();
    let cpu_before = children_cpu();
    let mut child = command.spawn().expect("spawn the child process");
    let pid = child.id();
    let done = Arc::new(AtomicBool::new(false));
    let peak = Arc::new(AtomicU64::new(0));
    let poller = {
        let (done, peak) = (done.clone(), peak.clone());
        std::thread::spawn(move || {
            while !done.load(Ordering::Relaxed) {
                peak.fetch_max(rss_of(pid).1, Ordering::Relaxed);
                std::thread::sleep(Duration::from_millis(20));
            }
        })
    };
    let status = child.wait().expect("wait for the child");
    let wall = started.elapsed();
    done.store(true, Ordering::Relaxed);
    poller.join().expect("RSS poller");
    assert!(status.success(), "{command:?} failed: {status}");
    Finished {
        wall,
        cpu: children_cpu().saturating_sub(cpu_before),
        max_rss: peak.load(Ordering::Relaxed),
    }
}

/// User + system CPU time of every child waited for so far (`RUSAGE_CHILDREN`).
fn children_cpu() -> Duration {
    // SAFETY: zeroed rusage is a valid value of a plain C struct, and getrusage only writes it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: the pointer is valid for the duration of the call.
    let result = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    assert_eq!(result, 0, "getrusage");
    let time = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
    };
    time(usage.ru_utime) + time(usage.ru_stime)
}

/// Current and peak resident set size of a live process, in bytes (`VmRSS`, `VmHWM`).
pub fn rss_of(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|kb| kb.parse::<u64>().ok())
            .map_or(0, |kb| kb * 1024)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// A loopback address with a port free at the time of asking.
pub fn free_port() -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    listener.local_addr().expect("local address")
}

/// A child process killed when dropped.
pub struct Guard(pub Child);

impl Guard {
    /// The process id.
    pub fn id(&self) -> u32 {
        self.0.id()
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Waits until `url` answers 200, or panics after `timeout`.
pub async fn wait_ready(client: &reqwest::Client, url: &str, timeout: Duration) {
    let started = Instant::now();
    loop {
        if let Ok(response) = client.get(url).send().await
            && response.status().is_success()
        {
            return;
        }
        assert!(started.elapsed() < timeout, "{url} did not come up");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Megabytes, for printing.
pub fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}
