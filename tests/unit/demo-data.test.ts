// The demo municipality must be believable and safe: only Skatteverket's test numbers, names
// that match the legal sex digit, and references that resolve.
import { describe, expect, it } from 'vitest';
import { buildDemoData, demoLoginDirectory } from '../../src/server/dev/demo-data.ts';
import { loadTestPersonnummer } from '../../src/server/dev/test-personnummer.ts';
import { parseIdNumber } from '../../src/domain/personnummer.ts';

const data = buildDemoData('2026-11-22');
const FEMALE = new Set(['Ingrid', 'Margit', 'Elsa', 'Birgitta', 'Ulla', 'Gunnel', 'Inga', 'Maj-Britt', 'Astrid', 'Karin', 'Gerd', 'Vera', 'Elin',
  'Jessica', 'Johanna', 'Ida', 'Sofia', 'Wilma', 'Jenny', 'Alva', 'Maja', 'Emma', 'Ella', 'Ronja', 'Alice', 'Sandra', 'Camilla', 'Petra', 'Linda',
  'Nadia', 'Hanna', 'Sara', 'Greta', 'Tilde', 'Lisa']);

describe('demo data', () => {
  it('uses only Skatteverket test personnummer, each valid and used once', () => {
    const list = new Set(loadTestPersonnummer());
    const numbers = data.persons.map((p) => p.idNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const p of data.persons) {
      expect(list.has(p.idNumber), p.idNumber).toBe(true);
      const parsed = parseIdNumber(p.idNumber);
      expect(parsed.ok && parsed.value.birthDate === p.birthDate, p.idNumber).toBe(true);
    }
  });

  it("gives names that match the legal sex digit (odd 9th digit = man; Skatteverket RV 2020.9)", () => {
    for (const p of data.persons) expect(Number(p.idNumber[10]) % 2 === 0, `${p.firstName} ${p.idNumber}`).toBe(FEMALE.has(p.firstName));
  });

  it('is the size the issue asks for: about 60 persons in Demo kommun, and a second municipality', () => {
    expect(data.persons.filter((p) => p.municipalityId === 1).length).toBeGreaterThanOrEqual(55);
    expect(data.persons.filter((p) => p.municipalityId === 2).length).toBeGreaterThan(0);
    expect(data.cases.filter((c) => c.municipalityId === 1 && c.status === 'avslutad').length).toBeGreaterThan(5);
    expect(new Set(data.cases.map((c) => c.area))).toEqual(new Set(['aldreomsorg', 'funktionsstod', 'barn_och_unga', 'vuxen', 'vald_i_nara_relationer', 'ekonomiskt_bistand']));
  });

  it('resolves every reference within the same municipality', () => {
    const key = (m: number, id: string | null) => `${m}:${id}`;
    const persons = new Set(data.persons.map((p) => key(p.municipalityId, p.id)));
    const units = new Set(data.orgUnits.map((u) => key(u.municipalityId, u.id)));
    const staff = new Map(data.staffUsers.map((s) => [key(s.municipalityId, s.id), s]));
    const cases = new Map(data.cases.map((c) => [key(c.municipalityId, c.id), c]));
    for (const c of data.cases) {
      expect(persons.has(key(c.municipalityId, c.personId))).toBe(true);
      expect(units.has(key(c.municipalityId, c.unitId))).toBe(true);
      if (c.assignedTo) expect(staff.get(key(c.municipalityId, c.assignedTo))?.unitId, c.caseNumber).toBe(c.unitId);
    }
    for (const r of data.personRelations) {
      expect(persons.has(key(r.municipalityId, r.personId)) && persons.has(key(r.municipalityId, r.relatedPersonId))).toBe(true);
    }
    for (const o of data.orders) {
      expect(cases.get(key(o.municipalityId, o.caseId))?.personId).toBe(o.personId);
      expect(data.decisions.some((d) => d.id === o.decisionId && d.outcome !== 'avslag')).toBe(true);
    }
  });

  it('gives every handläggare cases of their own, and each provider orders', () => {
    for (const s of data.staffUsers.filter((u) => u.role === 'handlaggare' && u.municipalityId === 1)) {
      expect(data.cases.filter((c) => c.assignedTo === s.id && c.status !== 'avslutad').length, s.name).toBeGreaterThanOrEqual(1);
    }
    for (const p of data.providers) expect(data.orders.filter((o) => o.providerId === p.id).length, p.name).toBeGreaterThanOrEqual(4);
  });

  it('registers no address for skyddad folkbokföring', () => {
    const protectedPeople = data.persons.filter((p) => p.protection === 'skyddad_folkbokforing');
    expect(protectedPeople.length).toBeGreaterThan(0);
    for (const p of protectedPeople) expect([p.street, p.postalCode, p.city]).toEqual([null, null, null]);
  });

  it('lists demo logins for every role and citizens who have matters', () => {
    const dir = demoLoginDirectory(data);
    expect(new Set(dir.staff.map((s) => s.role))).toEqual(new Set(['handlaggare', 'arbetsledare', 'systemforvaltare', 'utforare_chef', 'utforare_personal']));
    expect(dir.citizens.length).toBeGreaterThanOrEqual(4);
  });
});
