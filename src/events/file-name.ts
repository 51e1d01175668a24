let counter = 0;

/** Next value of the process-wide counter that keeps file names unique across writers in one process. */
export function nextFileCounter(): number {
  return counter++;
}

/**
 * `events.out.tfevents.<10-digit unix secs>.<host>.<pid>.<6-digit counter><suffix>`, as TensorBoard's
 * own Python writer names files. Zero-padded seconds and counter keep lexicographic order
 * chronological, which is the order both loaders read a run's files in: a run continued in a new file
 * in the same second (a callback's next fit) must sort after the file it continues (`.10` sorted
 * before `.9`).
 */
export function eventFileName(opts: {
  seconds: number;
  host: string;
  pid: number;
  counter: number;
  suffix?: string;
}): string {
  const secs = String(Math.floor(opts.seconds)).padStart(10, '0');
  const host = sanitizeHost(opts.host);
  return `events.out.tfevents.${secs}.${host}.${opts.pid}.${String(opts.counter).padStart(6, '0')}${opts.suffix ?? ''}`;
}

/** A host name is embedded in a file name, so path separators and control characters must go. */
function sanitizeHost(host: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this strips.
  const clean = host.replace(/[/\\\x00-\x1f]/g, '_');
  return clean.length > 0 ? clean : 'localhost';
}

/** True for names that TensorBoard treats as event files (basename contains "tfevents"). */
export function isEventFileName(name: string): boolean {
  return name.includes('tfevents') && !name.endsWith('.profile-empty');
}
