/** Forced installation: the extension id a unit's key gives, the update manifest and the sample policy. */
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extensionIdOf, samplePolicy, updateManifest } from '../../scripts/package-crx';
import { readPolicy } from '../../lib/config/policy';

describe('packaging for policy installation', () => {
  it('computes Chrome’s id from a key: our manifest key gives our fixed id', () => {
    const key = /const KEY =\s*'([^']+)'/.exec(readFileSync('wxt.config.ts', 'utf8'))![1]!;
    const pem = `-----BEGIN PUBLIC KEY-----\n${key.match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`;
    expect(extensionIdOf(pem)).toBe('dhdemfiikokioodfccnpjianfkofaakp');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(extensionIdOf(privateKey.export({ type: 'pkcs8', format: 'pem' }) as string)).toMatch(/^[a-p]{32}$/);
  });

  it('writes an update manifest and a sample policy whose managed part CaseLint accepts', () => {
    const xml = updateManifest('dhdemfiikokioodfccnpjianfkofaakp', '0.2.0', 'http://10.12.0.10/caselint/caselint-0.2.0.crx');
    expect(xml).toContain("<app appid='dhdemfiikokioodfccnpjianfkofaakp'>");
    expect(xml).toContain("<updatecheck codebase='http://10.12.0.10/caselint/caselint-0.2.0.crx' version='0.2.0' />");
    const policy = samplePolicy('dhdemfiikokioodfccnpjianfkofaakp', 'http://10.12.0.10/caselint/updates.xml') as {
      ExtensionInstallForcelist: string[];
      '3rdparty': { extensions: Record<string, unknown> };
    };
    expect(policy.ExtensionInstallForcelist).toEqual(['dhdemfiikokioodfccnpjianfkofaakp;http://10.12.0.10/caselint/updates.xml']);
    const managed = readPolicy(policy['3rdparty'].extensions.dhdemfiikokioodfccnpjianfkofaakp);
    expect(managed.errors).toEqual([]);
    expect(managed.policy.origins).toEqual(['http://10.12.3.4:8080']);
  });

  it('the sample policy in the docs is one CaseLint accepts', () => {
    const doc = JSON.parse(readFileSync('docs/policy/caselint-policy.json', 'utf8'));
    const managed = readPolicy(doc['3rdparty'].extensions.dhdemfiikokioodfccnpjianfkofaakp);
    expect(managed.errors).toEqual([]);
    expect(managed.present).toBe(true);
  });
});
