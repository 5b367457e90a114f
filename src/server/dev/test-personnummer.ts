// Skatteverket's test personnummer (open data "Testpersonnummer"), kept in the shared test-data
// folder next to the repository. Demo and test data take their numbers only from this list, so
// no real person can ever turn up in the system by accident.
import { readFileSync } from 'node:fs';

export const TEST_PERSONNUMMER_FILE = new URL(
  '../../../../shared/testdata/personnummer/skatteverket-test-personnummer.txt',
  import.meta.url,
);

let cached: string[] | undefined;

/** All numbers in the list, canonical 12 digits (YYYYMMDDNNNC), in file order. Read once. */
export function loadTestPersonnummer(): string[] {
  if (!cached) {
    cached = readFileSync(TEST_PERSONNUMMER_FILE, 'utf8')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => /^\d{12}$/.test(line));
    if (cached.length === 0) throw new Error(`No test personnummer found in ${TEST_PERSONNUMMER_FILE.pathname}`);
  }
  return cached;
}
