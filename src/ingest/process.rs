//! Running an external converter as a child process with a time limit.
//!
//! The child runs in its own process group so that, at the limit, the whole group (a
//! wrapper script and whatever it started) is killed, not just the direct child.

use super::IngestError;
use nix::sys::signal::{Signal, killpg};
use nix::unistd::Pid;
use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// What a converter that ran to completion left behind.
#[derive(Debug)]
pub(crate) struct Finished {
    /// How it exited.
    pub status: ExitStatus,
    /// Everything it wrote to standard output.
    pub stdout: Vec<u8>,
    /// Everything it wrote to standard error, lossily decoded.
    pub stderr: String,
}

/// Runs `program` with `args` until it exits or `deadline` passes.
///
/// At the deadline the child's process group is killed and [`IngestError::Timeout`] (with
/// `limit`, the time limit the caller configured) is returned. A program that cannot be
/// started gives [`IngestError::ConverterUnavailable`].
pub(crate) fn run(
    program: &Path,
    args: &[&std::ffi::OsStr],
    deadline: Instant,
    limit: Duration,
) -> Result<Finished, IngestError> {
    let mut command = Command::new(program);
    command
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    let mut child = spawn_when_free(&mut command, deadline).map_err(|e| {
        IngestError::ConverterUnavailable(format!("cannot start {}: {e}", program.display()))
    })?;
    let stdout = child.stdout.take().map(reader);
    let stderr = child.stderr.take().map(reader);
    let mut pause = Duration::from_millis(2);
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) => {}
            Err(e) => {
                kill_group(child.id());
                let _ = child.wait();
                return Err(IngestError::ConverterUnavailable(format!(
                    "cannot wait for {}: {e}",
                    program.display()
                )));
            }
        }
        let now = Instant::now();
        if now >= deadline {
            kill_group(child.id());
            let _ = child.wait();
            tracing::warn!(program = %program.display(), ?limit, "converter killed at its time limit");
            // The readers end once every process holding the pipes is gone; they are not
            // waited for, so that a descendant that escaped the group cannot block us.
            return Err(IngestError::Timeout(limit));
        }
        std::thread::sleep(pause.min(deadline - now));
        pause = (pause * 2).min(Duration::from_millis(50));
    };
    let stdout = stdout.map(join).unwrap_or_default();
    let stderr = stderr.map(join).unwrap_or_default();
    Ok(Finished {
        status,
        stdout,
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    })
}

/// Starts `command`, trying again until `deadline` while the kernel refuses to run the
/// program because a file handle open for writing still holds it (ETXTBSY: a converter just
/// written or replaced, whose handle a process forked meanwhile keeps until it execs).
fn spawn_when_free(
    command: &mut Command,
    deadline: Instant,
) -> std::io::Result<std::process::Child> {
    loop {
        match command.spawn() {
            Err(e)
                if e.raw_os_error() == Some(nix::errno::Errno::ETXTBSY as i32)
                    && Instant::now() < deadline =>
            {
                std::thread::sleep(BUSY_PAUSE);
            }
            result => return result,
        }
    }
}

/// How long to wait before trying again to start a program the kernel calls busy.
const BUSY_PAUSE: Duration = Duration::from_millis(10);

fn reader(mut pipe: impl Read + Send + 'static) -> JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut buffer = Vec::new();
        // A read error leaves what was read so far; the exit status tells whether it failed.
        let _ = pipe.read_to_end(&mut buffer);
        buffer
    })
}

fn join(handle: JoinHandle<Vec<u8>>) -> Vec<u8> {
    handle.join().unwrap_or_default()
}

fn kill_group(pid: u32) {
    if let Ok(pid) = i32::try_from(pid)
        && let Err(e) = killpg(Pid::from_raw(pid), Signal::SIGKILL)
    {
        tracing::warn!(pid, error = %e, "cannot kill the converter's process group");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn collects_output_and_status() {
        let deadline = Instant::now() + Duration::from_secs(20);
        let args = [
            OsStr::new("-c"),
            OsStr::new("printf 'a\\nb'; echo oops >&2; exit 3"),
        ];
        let done = run(Path::new("sh"), &args, deadline, Duration::from_secs(20)).unwrap();
        assert_eq!(done.stdout, b"a\nb");
        assert_eq!(done.stderr.trim(), "oops");
        assert_eq!(done.status.code(), Some(3));
    }

    #[test]
    fn kills_the_whole_group_at_the_deadline() {
        let limit = Duration::from_millis(500);
        let dir = tempfile::tempdir().unwrap();
        let pid_file = dir.path().join("grandchild.pid");
        // The shell starts a grandchild that holds the output pipe open.
        let script = format!("sleep 30 & echo $! > {}; wait", pid_file.display());
        let args = [OsStr::new("-c"), OsStr::new(&script)];
        let started = Instant::now();
        let err = run(Path::new("sh"), &args, started + limit, limit).unwrap_err();
        assert!(
            matches!(err, IngestError::Timeout(d) if d == limit),
            "{err:?}"
        );
        assert!(started.elapsed() < Duration::from_secs(10));
        let pid = std::fs::read_to_string(&pid_file).unwrap();
        let stat = Path::new("/proc").join(pid.trim()).join("stat");
        let gone = (0..100).any(|_| {
            let state = std::fs::read_to_string(&stat).unwrap_or_default();
            // Gone, or a zombie waiting for init to reap it.
            let dead = state.is_empty()
                || state
                    .rsplit(')')
                    .next()
                    .is_some_and(|rest| rest.trim_start().starts_with('Z'));
            if !dead {
                std::thread::sleep(Duration::from_millis(50));
            }
            dead
        });
        assert!(gone, "the grandchild {} still runs", pid.trim());
    }

    #[test]
    fn a_program_still_open_for_writing_is_started_once_it_is_closed() {
        use std::io::Write;
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let script = dir.path().join("converter");
        let mut file = std::fs::File::create(&script).unwrap();
        file.write_all(b"#!/bin/sh\necho ready\n").unwrap();
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        // Held open for writing, the script cannot be run (ETXTBSY) until it is closed.
        let writer = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(300));
            drop(file);
        });
        let deadline = Instant::now() + Duration::from_secs(20);
        let done = run(&script, &[], deadline, Duration::from_secs(20)).unwrap();
        writer.join().unwrap();
        assert_eq!(done.stdout, b"ready\n");
    }

    #[test]
    fn a_missing_program_is_reported() {
        let deadline = Instant::now() + Duration::from_secs(5);
        let err = run(
            Path::new("/nonexistent/converter"),
            &[],
            deadline,
            Duration::from_secs(5),
        )
        .unwrap_err();
        assert!(
            matches!(err, IngestError::ConverterUnavailable(_)),
            "{err:?}"
        );
    }
}
