import { describe, expect, it } from 'vitest';
import { AgencyBodySchema, ReplyTemplateBodySchema } from '../../../../shared/contracts/case-handling';
import { CaseSettingsBodySchema } from '../../../../shared/contracts/case-admin';
import {
  agencyBody,
  agencyErrors,
  EMPTY_AGENCY,
  EMPTY_TEMPLATE,
  settingsBody,
  templateBody,
  templateErrors,
  type SettingsDraft,
} from './admin-forms';

const SETTINGS: SettingsDraft = {
  acceptWithinHours: '8',
  urgentWithinHours: '4',
  normalWithinDays: '10',
  complexWithinDays: '20',
  warnBeforeHours: '4',
  retentionMonths: '12',
  moderateAnonymous: false,
};

describe('the agency form', () => {
  it('names every missing field, and a commune only for a commune agency', () => {
    expect(agencyErrors(EMPTY_AGENCY)).toEqual({
      name: 'agencies.errors.name',
      kind: 'agencies.errors.kind',
      communeCode: 'agencies.errors.unit',
    });
    expect(
      agencyErrors({
        ...EMPTY_AGENCY,
        name: 'Sở Xây dựng',
        kind: 'department',
        level: 'province',
        email: 'x@',
      }),
    ).toEqual({
      email: 'agencies.errors.email',
    });
  });

  it('places a province agency at the province and a commune agency at its commune, as the contract wants', () => {
    const draft = {
      ...EMPTY_AGENCY,
      name: ' UBND phường Tân Ninh ',
      kind: 'commune_office',
      communeCode: '80001',
    };
    const body = agencyBody(draft, '80');
    expect(body).toEqual({
      name: 'UBND phường Tân Ninh',
      nameEn: null,
      kind: 'commune_office',
      unitCode: '80001',
      email: null,
      phone: null,
      active: true,
    });
    expect(AgencyBodySchema.safeParse(body).success).toBe(true);
    expect(agencyBody({ ...draft, level: 'province' }, '80').unitCode).toBe('80');
  });
});

describe('the reply template form', () => {
  it('asks for a purpose, a name and a text of the server’s lengths', () => {
    expect(templateErrors(EMPTY_TEMPLATE)).toEqual({
      purpose: 'templates.errors.purpose',
      title: 'templates.errors.title',
      body: 'templates.errors.body',
    });
    const draft = {
      purpose: 'answer',
      title: 'Đã khắc phục',
      body: 'Đơn vị đã khắc phục xong.',
      active: true,
    };
    expect(templateErrors(draft)).toEqual({});
    expect(ReplyTemplateBodySchema.safeParse(templateBody(draft)).success).toBe(true);
  });
});

describe('the deadline settings form', () => {
  it('turns a valid draft into the PUT body, decimals with a comma too', () => {
    const result = settingsBody({ ...SETTINGS, warnBeforeHours: '1,5' });
    expect(result).toEqual({
      ok: true,
      body: {
        deadlines: {
          acceptWithinHours: 8,
          urgentWithinHours: 4,
          normalWithinDays: 10,
          complexWithinDays: 20,
          warnBeforeHours: 1.5,
        },
        retentionMonths: 12,
        moderateAnonymous: false,
      },
    });
    expect(result.ok && CaseSettingsBodySchema.safeParse(result.body).success).toBe(true);
  });

  it('refuses zero hours, fractional days, complex shorter than normal and retention out of 1–60', () => {
    expect(
      settingsBody({ ...SETTINGS, acceptWithinHours: '0', normalWithinDays: '2.5', retentionMonths: '61' }),
    ).toEqual({
      ok: false,
      errors: {
        acceptWithinHours: 'settings.errors.hours',
        normalWithinDays: 'settings.errors.days',
        retentionMonths: 'settings.errors.retention',
      },
    });
    expect(settingsBody({ ...SETTINGS, complexWithinDays: '5' })).toEqual({
      ok: false,
      errors: { complexWithinDays: 'settings.errors.complexShorter' },
    });
    expect(settingsBody({ ...SETTINGS, urgentWithinHours: 'abc' })).toMatchObject({ ok: false });
  });
});
