export { Detector, detect } from './detector.js';
export { alertLine, explainAlert, ruleTitle } from './explain.js';
export {
  DETECTOR_DEFAULTS,
  type DetectorOptions,
  type ResolvedDetectorOptions,
  resolveDetectorOptions,
} from './options.js';
export {
  type Alert,
  type Blame,
  type LayerRecord,
  type LayerShare,
  RULES,
  type RuleName,
  SEVERITY_LEVEL,
  type Severity,
  type StepRecord,
} from './types.js';
