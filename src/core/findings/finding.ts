// One constructor for findings, so optional fields are omitted rather than set to undefined.
import type { EvidenceItem, Finding, FindingKind, Phase, Purpose, Severity } from '../types.ts';
import type { Text } from './texts.ts';

export function finding(
  kind: FindingKind,
  severity: Severity,
  phase: Phase,
  text: Text,
  evidence: EvidenceItem[],
  purpose?: Purpose | null,
): Finding {
  const result: Finding = { kind, severity, phase, title: text.title, explanation: text.explanation, evidence };
  if (purpose) result.purpose = purpose;
  return result;
}
