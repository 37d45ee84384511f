/**
 * The `environment` of a Platform run: the machine and the CI system that run the sync (never
 * secrets), with the fields the real client sends spelled as it spells them (PLATFORM-API.md):
 * `os` as Python's `platform.platform()` ("Linux-6.8.0-1017-azure-x86_64-with-glibc2.39"), the same
 * from the CLI and the action; `totalRamGb` and `totalDiskGb` (of `/`) in GiB with one decimal.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';

const GIB = 2 ** 30;

export function ciEnvironment(env: NodeJS.ProcessEnv): Record<string, string | number> {
  const out: Record<string, string | number> = {
    hostname: os.hostname(),
    os: platformName(),
    environment: env.GITHUB_ACTIONS ? 'GitHub Actions' : env.GITLAB_CI ? 'GitLab CI' : env.JENKINS_URL ? 'Jenkins' : env.CI ? 'CI' : 'local',
    cpuCount: os.cpus().length,
  };
  const cpu = os.cpus()[0]?.model;
  if (cpu) out.cpu = cpu.trim();
  out.totalRamGb = Math.round((os.totalmem() / GIB) * 10) / 10;
  const disk = totalDiskGb('/');
  if (disk !== undefined) out.totalDiskGb = disk;
  const repo = env.GITHUB_REPOSITORY
    ? `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}`
    : env.CI_PROJECT_URL;
  const branch = env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME || env.CI_COMMIT_REF_NAME || env.GIT_BRANCH;
  const commit = env.GITHUB_SHA || env.CI_COMMIT_SHA || env.GIT_COMMIT;
  if (repo) out.gitRepository = repo;
  if (branch) out.gitBranch = branch;
  if (commit) out.gitCommit = commit.slice(0, 12);
  return out;
}

/**
 * The machine as Python's `platform.platform()` names it on Linux: system, kernel release, machine
 * and the C library (`Linux-6.18.44-fc-v1045-x86_64-with-glibc2.36`); elsewhere system, release
 * and machine. Not the runner's RUNNER_OS ("Linux"): the CLI on the same machine must say the same.
 */
export function platformName(): string {
  // Constant for the process, and a diagnostic report is not cheap: once, for every run of a folder.
  platform ??= namePlatform();
  return platform;
}

let platform: string | undefined;

function namePlatform(): string {
  const parts = [os.type(), os.release(), os.machine()];
  if (os.type() === 'Linux') {
    const glibc = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header?.glibcVersionRuntime;
    if (glibc) parts.push('with', `glibc${glibc}`);
  }
  return parts.filter(Boolean).join('-');
}

/** The size of the filesystem at `dir` in GiB, one decimal (the real client: shutil.disk_usage("/").total). */
export function totalDiskGb(dir: string): number | undefined {
  try {
    const s = fs.statfsSync(dir);
    return Math.round(((s.blocks * s.bsize) / GIB) * 10) / 10;
  } catch {
    return undefined;
  }
}
