// Real TC strings for the tests, encoded with @iabtechlabtcf/core against a tiny synthetic vendor list (the
// real GVL has no open licence and is never bundled). Encoding needs a GVL; decoding does not.
import { GVL, TCModel, TCString } from '@iabtechlabtcf/core';

const purposes = Object.fromEntries(
  Array.from({ length: 11 }, (_, i) => [String(i + 1), { id: i + 1, name: `Purpose ${i + 1}`, description: '', illustrations: [] }]),
);
const vendor = (id: number) => ({
  id,
  name: `Vendor ${id}`,
  purposes: [1, 2, 3, 4, 7, 8, 9, 10],
  legIntPurposes: [],
  flexiblePurposes: [],
  specialPurposes: [],
  features: [],
  specialFeatures: [],
  urls: [],
});

export function testGvl(policyVersion = 5): GVL {
  return new GVL({
    gvlSpecificationVersion: 3,
    vendorListVersion: 150,
    tcfPolicyVersion: policyVersion,
    lastUpdated: '2026-01-01T00:00:00Z',
    purposes,
    specialPurposes: {},
    features: {},
    specialFeatures: {},
    stacks: {},
    dataCategories: {},
    vendors: { '10': vendor(10), '755': vendor(755) },
  } as unknown as ConstructorParameters<typeof GVL>[0]);
}

export interface TcOptions {
  consents?: number[];
  legitimateInterests?: number[];
  vendors?: number[];
  policyVersion?: number;
  purposeOneTreatment?: boolean;
  cmpId?: number;
}

export function tcString(options: TcOptions = {}): string {
  const model = new TCModel(testGvl(options.policyVersion ?? 5));
  model.cmpId = options.cmpId ?? 10;
  model.cmpVersion = 3;
  model.consentScreen = 1;
  model.consentLanguage = 'EN';
  model.publisherCountryCode = 'DE';
  model.isServiceSpecific = true;
  model.purposeOneTreatment = options.purposeOneTreatment ?? false;
  model.purposeConsents.set(options.consents ?? []);
  model.purposeLegitimateInterests.set(options.legitimateInterests ?? []);
  model.vendorConsents.set(options.vendors ?? [10, 755]);
  return TCString.encode(model);
}

export const ALL_PURPOSES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
