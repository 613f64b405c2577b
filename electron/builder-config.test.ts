/**
 * The electron-builder configuration, checked against electron-builder's own JSON schema (no
 * packaging run: that would download Electron).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

interface BuilderConfig {
  appId: string;
  files: string[];
  extraResources: { from: string; to: string }[];
  linux: { target: string[] };
  mac: { target: string[]; extendInfo: Record<string, string> };
  win: { target: string[] };
}

describe('electron-builder.json', () => {
  const config = readJson('electron-builder.json') as BuilderConfig;

  it('is valid for electron-builder', () => {
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(readJson('node_modules/app-builder-lib/scheme.json') as object);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...config, extraResource: [] })).toBe(false); // the schema does catch typos
  });

  it('packages the built app, ships models/ as a resource, and targets all three platforms', () => {
    expect(config.appId).toBe('app.pitchpace.desktop');
    expect(config.files).toContain('out/**');
    expect(config.extraResources).toContainEqual(
      expect.objectContaining({ from: 'models', to: 'models' }),
    );
    expect(config.linux.target.length).toBeGreaterThan(0);
    expect(config.mac.target.length).toBeGreaterThan(0);
    expect(config.win.target.length).toBeGreaterThan(0);
    expect(config.mac.extendInfo.NSMicrophoneUsageDescription).toMatch(/never leaves/);
  });

  it('launches the entry the build writes', () => {
    const pkg = readJson('package.json') as { main: string };
    expect(pkg.main).toBe('out/main/index.js');
  });
});
