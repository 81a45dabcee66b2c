#!/usr/bin/env python3
"""Times whole processes, interleaved, and prints each command's median and its ratio to the
first command (rdiff).

Usage: harness.py [--runs N] [--warmup N] [--bytes N] --title TITLE NAME=COMMAND...

Each COMMAND is split like a shell word list (no shell runs it) and started with posix_spawn,
stdout and stderr to /dev/null. The commands run round-robin (one run of each, then the next
round), so load from other processes on the machine falls on all of them alike. Exit status 0
or 1 is success (diff tools exit 1 when inputs differ); anything else stops the benchmark.
Memory is not measured here: a child started from Python inherits the interpreter's peak RSS
in its own count, so bench/peers.sh measures it with /usr/bin/time.
"""
import argparse
import os
import shlex
import statistics
import sys
import time


def run_once(argv):
    """Wall time (s) of one run of argv."""
    actions = [
        (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0),
    ]
    start = time.perf_counter()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
    _, status = os.waitpid(pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"harness: `{shlex.join(argv)}` exited with status {code}")
    return elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--bytes", type=int, help="input size, to print throughput")
    parser.add_argument("--title", required=True)
    parser.add_argument("commands", nargs="+", metavar="NAME=COMMAND")
    args = parser.parse_args()

    commands = []
    for spec in args.commands:
        name, _, command = spec.partition("=")
        commands.append((name, shlex.split(command)))
    for _ in range(args.warmup):
        for _, argv in commands:
            run_once(argv)
    times = {name: [] for name, _ in commands}
    for _ in range(args.runs):
        for name, argv in commands:
            times[name].append(run_once(argv))

    load = os.getloadavg()[0]
    print(f"\n## {args.title}  ({args.runs} runs each, interleaved; load average {load:.2f})")
    header = f"{'command':<22} {'median':>10} {'min':>10} {'max':>10} {'x rdiff':>9}"
    if args.bytes:
        header += f" {'MB/s':>8}"
    print(header)
    reference = statistics.median(times[commands[0][0]])
    for name, _ in commands:
        median = statistics.median(times[name])
        line = (
            f"{name:<22} {median * 1e3:>8.1f}ms {min(times[name]) * 1e3:>8.1f}ms"
            f" {max(times[name]) * 1e3:>8.1f}ms {median / reference:>8.2f}x"
        )
        if args.bytes:
            line += f" {args.bytes / 1e6 / median:>8.1f}"
        print(line)
    for name, argv in commands:
        print(f"  {name}: {shlex.join(argv)}")


if __name__ == "__main__":
    main()
