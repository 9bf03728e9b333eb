/** runtime/auth/settings.ts: how people sign in, read from the environment, with clear refusals. */
import { describe, expect, test } from 'vitest';
import { acrFor, levelSuffices, readAuthSettings } from '../../../runtime/auth/index.js';

const broker = {
  OIDC_ISSUER: 'https://broker.example/oidc',
  OIDC_CLIENT_ID: 'omslag',
  OIDC_CLIENT_SECRET: 'geheim',
  PUBLIC_URL: 'https://loket.example.nl/',
};

describe('sign-in settings', () => {
  test('a laptop: the stand-in on, no provider, DigiD timeouts', () => {
    const s = readAuthSettings({});
    expect(s).toMatchObject({ production: false, devSignIn: true, idleMs: 15 * 60_000, maxMs: 8 * 60 * 60_000 });
    expect(s.citizen).toBeUndefined();
    expect(s.company).toBeUndefined();
    expect(s.staff).toBeUndefined();
    expect(readAuthSettings({ DEV_SIGN_IN: 'false' }).devSignIn).toBe(false);
  });

  test('a provider turns the stand-in off; the company sign-in uses the same broker unless told otherwise', () => {
    const s = readAuthSettings(broker);
    expect(s.devSignIn).toBe(false);
    expect(s.publicUrl).toBe('https://loket.example.nl');
    expect(s.citizen).toMatchObject({ issuer: broker.OIDC_ISSUER, clientId: 'omslag', bsnClaim: 'bsn' });
    expect(s.company).toMatchObject({ issuer: broker.OIDC_ISSUER, kvkClaim: 'kvk' });
    const own = readAuthSettings({
      ...broker,
      EHERKENNING_ISSUER: 'https://eh.example/oidc',
      EHERKENNING_CLIENT_ID: 'omslag-eh',
      OIDC_KVK_CLAIM: 'urn:kvk',
    });
    expect(own.company).toMatchObject({
      issuer: 'https://eh.example/oidc',
      clientId: 'omslag-eh',
      kvkClaim: 'urn:kvk',
    });
    // Both on is allowed outside production (a tester with a local provider).
    expect(readAuthSettings({ ...broker, DEV_SIGN_IN: 'true' }).devSignIn).toBe(true);
  });

  test('production refuses the stand-in and a missing provider, naming what to set', () => {
    expect(() => readAuthSettings({ NODE_ENV: 'production' })).toThrow(/set OIDC_ISSUER, OIDC_CLIENT_ID/);
    expect(() => readAuthSettings({ NODE_ENV: 'production', DEV_SIGN_IN: 'true', ...broker })).toThrow(
      /DEV_SIGN_IN=true is refused with NODE_ENV=production/,
    );
    expect(readAuthSettings({ NODE_ENV: 'production', ...broker })).toMatchObject({
      production: true,
      devSignIn: false,
    });
  });

  test('each wrong setting is refused with what to write instead', () => {
    expect(() => readAuthSettings({ DEV_SIGN_IN: 'yes' })).toThrow(/DEV_SIGN_IN is 'true' or 'false'/);
    expect(() => readAuthSettings({ ...broker, PUBLIC_URL: '' })).toThrow(/set PUBLIC_URL too/);
    expect(() => readAuthSettings({ EHERKENNING_ISSUER: 'https://eh.example', EHERKENNING_CLIENT_ID: 'x' })).toThrow(
      /EHERKENNING_ISSUER is set: set PUBLIC_URL too/,
    );
    expect(() => readAuthSettings({ ...broker, OIDC_CLIENT_ID: '' })).toThrow(/set OIDC_CLIENT_ID too/);
    expect(() => readAuthSettings({ ...broker, OIDC_ISSUER: 'ftp://broker' })).toThrow(/http\(s\) URL/);
    expect(() => readAuthSettings({ ...broker, OIDC_ISSUER: 'not a url' })).toThrow(/must be a URL/);
    expect(() => readAuthSettings({ OIDC_ACR_LEVELS: 'urn:x=super' })).toThrow(/'super' is not a level/);
    expect(() => readAuthSettings({ OIDC_ACR_LEVELS: 'urn:x' })).toThrow(/value=meaning pairs/);
    expect(() => readAuthSettings({ STAFF_OIDC_ROLE_MAP: 'boss=king' })).toThrow(/'king' is not a role/);
    expect(() => readAuthSettings({ SESSION_IDLE_MINUTES: '0' })).toThrow(
      /SESSION_IDLE_MINUTES must be a whole number/,
    );
    expect(() => readAuthSettings({ SESSION_MAX_MINUTES: '1.5' })).toThrow(/SESSION_MAX_MINUTES/);
  });

  test("acr values map to levels; a broker's own values are added", () => {
    const s = readAuthSettings({ OIDC_ACR_LEVELS: 'urn:broker:digid:midden=midden' });
    expect(s.acrLevels['urn:broker:digid:midden']).toBe('midden');
    expect(s.acrLevels['urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard']).toBe('substantieel');
    const only = readAuthSettings({ OIDC_ACR_LEVELS: 'a=basis', OIDC_ACR_LEVELS_REPLACE: 'true' });
    expect(only.acrLevels).toEqual({ a: 'basis' });
    expect(levelSuffices('midden', 'basis')).toBe(true);
    expect(levelSuffices('basis', 'midden')).toBe(false);
    expect(levelSuffices(null, 'basis')).toBe(false);
    expect(levelSuffices(null, undefined)).toBe(true);
    // Asking for Substantieel asks for it and higher, DigiD's classes first for a person.
    const asked = acrFor('substantieel', s.acrLevels);
    expect(asked[0]).toBe('urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard');
    expect(asked).not.toContain('urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract');
    expect(acrFor('substantieel', s.acrLevels, 'company')[0]).toBe('urn:etoegang:core:assurance-class:loa3');
  });
});
