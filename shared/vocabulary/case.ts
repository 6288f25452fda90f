/** Words a clinician reads for cases and outcomes (shared/domain/case.ts, shared/domain/outcomes.ts). */
import type { CaseStatus, Sex } from '../domain/case';
import type { PrimaryTumor } from '../facts/facts';
import type { ResponseMethod } from '../domain/outcomes';

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

export const SEX_LABELS: Record<Sex, string> = { female: 'Female', male: 'Male', other: 'Other', unknown: 'Unknown' };

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  draft: 'Draft',
  ready: 'Ready',
  listed: 'Listed',
  discussed: 'Discussed',
  closed: 'Closed',
};

export const RESPONSE_METHOD_LABELS: Record<ResponseMethod, string> = { recist11: 'RECIST 1.1', mrecist: 'mRECIST' };
