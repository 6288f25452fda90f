/** Human labels for the vocabulary words, used by the UI, the search index and (later) the minutes. */
import type { PrimaryTumor } from './facts';
import type { CaseStatus } from './case';

export const PRIMARY_TUMOR_LABELS: Record<PrimaryTumor, string> = {
  colorectal: 'Colorectal',
  neuroendocrine: 'Neuroendocrine',
  hcc: 'Hepatocellular carcinoma',
  breast: 'Breast',
  melanoma: 'Melanoma',
  uveal_melanoma: 'Uveal melanoma',
  sarcoma: 'Sarcoma',
  lung: 'Lung',
  pancreatic_adenocarcinoma: 'Pancreatic adenocarcinoma',
  cholangiocarcinoma: 'Cholangiocarcinoma',
  other: 'Other primary',
};

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  draft: 'Draft',
  ready: 'Ready',
  listed: 'Listed',
  discussed: 'Discussed',
  closed: 'Closed',
};
