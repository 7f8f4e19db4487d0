/**
 * The EU/EEA region preset. Data residency is a configurable policy whose legal basis is GDPR
 * Chapter V (transfers to third countries); the ENISA sources themselves set no region rule.
 * Regions in countries outside the EEA (the United Kingdom, Switzerland) are left out on purpose:
 * an adequacy decision is a transfer basis, not residency; add them in `.enisa-health.yaml` if your
 * policy accepts them.
 */
export const EU_EEA_REGIONS: readonly string[] = [
  // AWS
  'eu-central-1',
  'eu-west-1',
  'eu-west-3',
  'eu-south-1',
  'eu-south-2',
  'eu-north-1',
  'eusc-de-east-1',
  // Azure (names as written in `location`; comparison ignores case and spaces)
  'westeurope',
  'northeurope',
  'francecentral',
  'francesouth',
  'germanywestcentral',
  'germanynorth',
  'swedencentral',
  'swedensouth',
  'italynorth',
  'polandcentral',
  'spaincentral',
  'norwayeast',
  'norwaywest',
  'austriaeast',
  'belgiumcentral',
  'denmarkeast',
  'europe',
  // Google Cloud
  'europe-west1',
  'europe-west3',
  'europe-west4',
  'europe-west8',
  'europe-west9',
  'europe-west10',
  'europe-west12',
  'europe-north1',
  'europe-north2',
  'europe-central2',
  'europe-southwest1',
  'eu',
  // Cloud Storage dual-region within the EEA (Finland + Netherlands).
  'eur4',
  'europe-west1-*',
  'europe-west3-*',
  'europe-west4-*',
  'europe-west8-*',
  'europe-west9-*',
  'europe-west10-*',
  'europe-west12-*',
  'europe-north1-*',
  'europe-north2-*',
  'europe-central2-*',
  'europe-southwest1-*',
  'eu-central-1*',
  'eu-west-1*',
  'eu-west-3*',
  'eu-south-1*',
  'eu-south-2*',
  'eu-north-1*',
];
