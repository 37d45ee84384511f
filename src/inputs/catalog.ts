/**
 * Every input and output with its description and default: the source for the CLI's `--help`.
 * action.yml and the README's tables must say the same; a test fails when they drift apart.
 */
import { Inputs } from './inputs.js';

export interface InputDoc {
  name: string;
  description: string;
  /** The default as action.yml states it ('' when computed at run time; the description says how). */
  default: string;
  /** A typical value, shown in `--help` (the CLI quotes it for the shell when needed). */
  example: string;
}

export const INPUT_DOCS: InputDoc[] = [
  {
    name: Inputs.RunDir,
    description:
      'The run directories to sync: a training save_dir, or glob patterns, one per line, `!` excludes; every matched directory holding a results.csv or an args.yaml is a run. Default: the run under runs/ whose results.csv changed most recently (watch mode: every run a training creates).',
    default: '',
    example: 'runs/detect/*',
  },
  {
    name: Inputs.Weights,
    description: 'Weights to upload: glob patterns, one per line, `!` excludes. best.pt is the final model, last.pt a checkpoint. Default: <run-dir>/weights/*.pt.',
    default: '',
    example: 'runs/detect/train/weights/*.pt',
  },
  { name: Inputs.Metrics, description: 'The results.csv to backfill. Default: <run-dir>/results.csv.', default: '', example: 'runs/detect/train/results.csv' },
  { name: Inputs.Args, description: 'The args.yaml with the training arguments. Default: <run-dir>/args.yaml.', default: '', example: 'runs/detect/train/args.yaml' },
  {
    name: Inputs.Model,
    description:
      'Platform: ul://owner/project/model, a platform.ultralytics.com model URL, or a modelId to continue. HUB: a model URL, a 20-character id, or a weights name such as yolo11n.pt to create a model. Default: register a new run (Platform) or create from args.yaml model (HUB).',
    default: '',
    example: 'ul://acme/helmets/yolo11n-640',
  },
  {
    name: Inputs.ApiKey,
    description: 'The API key (a secret). Default: env ULTRALYTICS_API_KEY (Platform) or HUB_API_KEY (HUB).',
    default: '',
    example: 'ul_…',
  },
  {
    name: Inputs.Backend,
    description: 'auto, platform or hub. auto picks hub for a HUB model URL or a 42-character key, platform otherwise.',
    default: 'auto',
    example: 'hub',
  },
  {
    name: Inputs.ApiUrl,
    description:
      'API root. Default: env ULTRALYTICS_PLATFORM_URL, else https://platform.ultralytics.com (Platform); env ULTRALYTICS_HUB_API, else https://api.ultralytics.com (HUB). http:// only for loopback (the emulator).',
    default: '',
    example: 'http://127.0.0.1:8787',
  },
  {
    name: Inputs.Project,
    description: 'Platform project, owner/project or project. Default: args.yaml project, slugified as Ultralytics does.',
    default: '',
    example: 'acme/helmets',
  },
  { name: Inputs.Name, description: 'Platform run name. Default: args.yaml name, else train (slugified).', default: '', example: 'yolo11n-640' },
  { name: Inputs.Epoch, description: 'The final epoch, 0-based. Default: the last epoch in results.csv.', default: '', example: '49' },
  {
    name: Inputs.Final,
    description: 'true: upload best.pt as the final model. false: upload last.pt as an epoch checkpoint only.',
    default: 'true',
    example: 'false',
  },
  {
    name: Inputs.Map,
    description: 'The final mAP50-95 (0 to 1). Default: the best epoch\'s value (classify: top-1 accuracy).',
    default: '',
    example: '0.6771',
  },
  {
    name: Inputs.Status,
    description:
      'How the training ended: success, failure or cancelled (GitLab failed and canceled work too). Pass ${{ job.status }} in a step with if: always(). Default: success; with watch or several runs, each run\'s checkpoints decide (stripped: success; never stripped: failure), and this applies to a run that kept none.',
    default: '',
    example: 'failure',
  },
  { name: Inputs.LogFile, description: 'A training console log to send as console output (Platform).', default: '', example: 'train.log' },
  {
    name: Inputs.StateFile,
    description:
      'Where to keep what already arrived, for re-runs. Default: <run-dir>/.ultralytics-sync.json; when the run directory cannot be written, the user\'s state directory ($XDG_STATE_HOME or ~/.local/state/ultralytics-sync).',
    default: '',
    example: '.ultralytics-sync/train.json',
  },
  { name: Inputs.IfNoFilesFound, description: 'error, warn or ignore when no weights match.', default: 'error', example: 'warn' },
  {
    name: Inputs.FailOnError,
    description: 'Fail the step when something could not be sent after all retries (status partial). What is missing is kept for a re-run.',
    default: 'true',
    example: 'false',
  },
  { name: Inputs.DryRun, description: 'Check the key and the files, print the plan and the summary, upload nothing.', default: 'false', example: 'true' },
  { name: Inputs.Summary, description: 'Write a job summary with a table and a chart.', default: 'true', example: 'false' },
  {
    name: Inputs.Baseline,
    description:
      "A run to compare with, e.g. main's last run: its run directory, its results.csv (any era), or the report-file JSON it wrote. The summary, the outputs and the comment show this run against it. A missing or unreadable baseline is a warning.",
    default: '',
    example: 'baseline/report.json',
  },
  {
    name: Inputs.MinMap,
    description: 'Quality gate: fail the step when the final mAP50-95 (classify: top-1 accuracy) is below this, 0 to 1. Checked after the sync.',
    default: '',
    example: '0.45',
  },
  {
    name: Inputs.MaxMapDrop,
    description: 'Quality gate: fail the step when the final mAP50-95 is lower than the baseline\'s by more than this, absolute (0.01 = one point). Checked after the sync.',
    default: '',
    example: '0.01',
  },
  {
    name: Inputs.ReportFile,
    description: "Write every run's final metrics, comparison and gate result as JSON here, for a later workflow's `baseline` or a matrix's `reports` job (upload it as an artifact).",
    default: '',
    example: 'ultralytics-report.json',
  },
  {
    name: Inputs.Comment,
    description:
      'In a pull request, post the comparison, the chart, the model link and the gate result as a comment, one per step (keyed by its run names), updated on every push. Needs `permissions: pull-requests: write`.',
    default: 'false',
    example: 'true',
  },
  {
    name: Inputs.GithubToken,
    description: 'The token for the pull-request comment (a secret). The CLI reads env GITHUB_TOKEN.',
    default: '${{ github.token }}',
    example: 'ghp_…',
  },
  { name: Inputs.StallTimeout, description: 'Seconds without upload progress before an upload attempt is aborted and retried.', default: '120', example: '300' },
  { name: Inputs.RequestTimeout, description: 'Deadline in seconds for one API request attempt.', default: '30', example: '60' },
  {
    name: Inputs.Watch,
    description:
      'Live sync: put this step before the training. Main starts a background watcher that sends each epoch, the log and checkpoints as the trainer writes them; the post step sends the rest and reports the run.',
    default: 'false',
    example: 'true',
  },
  {
    name: Inputs.Reports,
    description:
      "A matrix's last job: report files to gather (the training jobs' report-file artifacts), glob patterns, one per line, `!` excludes. Then nothing is synced and no API key is needed: one summary with every job's runs, one comment and one gate over all runs (with baseline, min-map or max-map-drop they are compared and gated here, else each keeps its own job's verdict).",
    default: '',
    example: 'reports/*.json',
  },
  {
    name: Inputs.CheckpointInterval,
    description: 'Watch mode: seconds between live checkpoint uploads (best.pt on Platform, last.pt on HUB), sent only when the file changed.',
    default: '900',
    example: '600',
  },
];

export const OUTPUT_DOCS: { name: string; description: string }[] = [
  { name: 'backend', description: 'The backend used: platform or hub.' },
  { name: 'model-id', description: 'The model id on the server.' },
  { name: 'model-url', description: 'The model page.' },
  { name: 'epochs', description: 'How many epochs have their metrics on the server.' },
  { name: 'best-epoch', description: 'The best epoch, 0-based.' },
  { name: 'map', description: 'The final mAP50-95 (classify: top-1 accuracy).' },
  { name: 'weights', description: 'JSON list of the weights files: [{path, role, bytes, sha256}].' },
  {
    name: 'status',
    description: 'synced, partial (something is still missing: re-run), cancelled, or dry-run. With several runs: the worst of them (failed only when no run could be synced; some synced and some not is partial).',
  },
  { name: 'map-delta', description: "This run's final mAP50-95 minus the baseline's (empty without a baseline)." },
  { name: 'comparison', description: 'JSON: the baseline and, per metric, this run, the baseline and the delta (empty without a baseline).' },
  { name: 'gate', description: 'The quality gate: passed, failed, or none (no gate input set, or nothing to check).' },
  {
    name: 'runs',
    description:
      'JSON list of every run of the step, in order of start: [{run-dir, name, model-id, model-url, epochs, best-epoch, map, status, gate}]. With several runs, status is the worst of them, gate failed if any failed, and the other scalar outputs are empty.',
  },
  {
    name: 'train-args',
    description:
      "HUB, before the training: the model's yolo train arguments as key=value words quoted for a shell; a resumable model gets its last weights and resume=True.",
  },
  { name: 'train-args-json', description: 'The same arguments as a JSON object (numbers and booleans typed).' },
  {
    name: 'weights-path',
    description:
      'The weights the training starts from (parent or last weights), downloaded into RUNNER_TEMP with a sha256; empty when it starts from an architecture.',
  },
];
