/** The `environment` of a Platform run, from the CI system that runs the sync (never secrets). */
import * as os from 'node:os';

export function ciEnvironment(env: NodeJS.ProcessEnv): Record<string, string | number> {
  const out: Record<string, string | number> = {
    os: env.RUNNER_OS || `${os.type()} ${os.release()}`,
    environment: env.GITHUB_ACTIONS ? 'GitHub Actions' : env.GITLAB_CI ? 'GitLab CI' : env.JENKINS_URL ? 'Jenkins' : env.CI ? 'CI' : 'local',
    cpuCount: os.cpus().length,
    totalRamGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
  };
  const cpu = os.cpus()[0]?.model;
  if (cpu) out.cpu = cpu.trim();
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
