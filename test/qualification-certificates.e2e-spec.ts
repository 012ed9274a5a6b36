import { createPrivilegedOrg, createTestApp, RegisteredOrg, registerOrg, TestApp } from '@pilotlink/testing';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogueApi } from './support/search-fixtures';
import { PDF } from './support/voucher-fixtures';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 1)]);
const CNAS = {
  kind: 'CNAS',
  certificateNo: 'CNAS L12345',
  accreditedScope: '纺织品 色牢度检测',
  validUntil: '2030-06-30',
};
const CMA = { kind: 'CMA', certificateNo: 'CMA 2023150123', validUntil: '2029-12-31' };

/** Qualification certificate scans: uploaded by the operator, read by it and its supervisors, shown as on file. */
describe('qualification certificate scans (e2e)', () => {
  let t: TestApp;
  let storageDir: string;
  let catalogue: CatalogueApi;
  let operator: RegisteredOrg;
  let platformId: string;
  let cnasId: string;
  let bureau: RegisteredOrg;
  let farBureau: RegisteredOrg;
  let otherOperator: RegisteredOrg;
  let sme: RegisteredOrg;

  const certificatePath = (qualificationId: string, pid = platformId) =>
    `/api/platforms/${pid}/qualifications/${qualificationId}/certificate`;
  const upload = (who: RegisteredOrg, qualificationId: string, bytes = PDF, name = 'CNAS证书.pdf', pid = platformId) =>
    t.http.put(certificatePath(qualificationId, pid)).set(who.auth).attach('file', bytes, name);
  const download = (qualificationId: string, who?: RegisteredOrg) => {
    const req = t.http.get(certificatePath(qualificationId)).buffer(true);
    return who ? req.set(who.auth) : req;
  };
  const storedFiles = () => {
    const dir = join(storageDir, 'certificates', platformId);
    return existsSync(dir) ? readdirSync(dir) : [];
  };
  const qualificationsAs = async (who?: RegisteredOrg) => {
    const req = t.http.get(`/api/platforms/${platformId}`);
    const res = who ? await req.set(who.auth) : await req;
    expect(res.status).toBe(200);
    return res.body.qualifications as Record<string, unknown>[];
  };

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'pilotlink-certificates-'));
    t = await createTestApp({ env: { FILE_STORAGE_DIR: storageDir, CERTIFICATE_MAX_BYTES: '4096' } });
    catalogue = new CatalogueApi(t);
    ({ operator, platformId } = await catalogue.listedPlatform({ qualifications: [CNAS, CMA] }));
    cnasId = (await qualificationsAs(operator)).find((q) => q.kind === 'CNAS')!.id as string;
    bureau = await createPrivilegedOrg(t, 'BUREAU', '350500');
    farBureau = await createPrivilegedOrg(t, 'BUREAU', '440100');
    ({ operator: otherOperator } = await catalogue.listedPlatform({ name: '石狮市服装中试服务平台' }));
    sme = await registerOrg(t.http);
  });
  afterAll(() => t.close());

  it('the operator uploads a scan; it and the supervising bureau download it; the public sees 证书已上传 only', async () => {
    const before = await qualificationsAs();
    expect(before.find((q) => q.id === cnasId)).toMatchObject({ certificateUploaded: false, certificate: null });

    const res = await upload(operator, cnasId);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: cnasId,
      certificateUploaded: true,
      certificate: { fileName: 'CNAS证书.pdf', contentType: 'application/pdf', sizeBytes: PDF.length },
    });
    expect(storedFiles()).toHaveLength(1);

    for (const reader of [operator, bureau]) {
      const file = await download(cnasId, reader);
      expect(file.status).toBe(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['content-disposition']).toContain(encodeURIComponent('CNAS证书.pdf'));
      expect(Buffer.compare(file.body as Buffer, PDF)).toBe(0);
    }

    // the public page of the listed platform: the fact, not the file
    const publicView = (await qualificationsAs()).find((q) => q.id === cnasId);
    expect(publicView).toMatchObject({ certificateUploaded: true, certificate: null });
    expect((await qualificationsAs(sme)).find((q) => q.id === cnasId)).toMatchObject({ certificate: null });
    expect((await qualificationsAs(bureau)).find((q) => q.id === cnasId)).toMatchObject({
      certificate: { fileName: 'CNAS证书.pdf' },
    });

    const [audit] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'platform.qualification.certificate_uploaded'
          AND entity_id = $1`,
      [platformId],
    );
    expect(audit.n).toBe(1);
  });

  it('another org gets 404 for the upload and the download; anonymous callers 401', async () => {
    for (const stranger of [otherOperator, sme, farBureau]) {
      expect((await download(cnasId, stranger)).status).toBe(404);
    }
    expect((await download(cnasId)).status).toBe(401);
    const foreign = await upload(otherOperator, cnasId, PNG, 'fake.png');
    expect(foreign.status).toBe(404);
    // the platform's own qualification id under another platform is no way in either
    const { platformId: otherPlatform } = await catalogue.listedPlatform({ name: '泉州市化工中试平台' });
    expect((await upload(operator, cnasId, PDF, 'x.pdf', otherPlatform)).status).toBe(404);
    const cma = (await qualificationsAs(operator)).find((q) => q.kind === 'CMA')!;
    expect((await download(cma.id as string, operator)).status).toBe(404); // no scan on file
    expect((await qualificationsAs(operator)).find((q) => q.id === cnasId)).toMatchObject({
      certificate: { fileName: 'CNAS证书.pdf' },
    });
  });

  it('a file that is not a PDF/JPG/PNG is a 400 naming `file`; an oversized one 413; neither is stored', async () => {
    const cma = (await qualificationsAs(operator)).find((q) => q.kind === 'CMA')!.id as string;
    const exe = await upload(operator, cma, Buffer.from('MZ\x90\x00 not a scan'), 'scan.pdf');
    expect(exe.status).toBe(400);
    expect(exe.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(exe.body.details.fields).toEqual([expect.objectContaining({ field: 'file' })]);
    const docx = await upload(operator, cma, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), 'scan.docx');
    expect([docx.status, docx.body.details.fields[0].field]).toEqual([400, 'file']);
    const big = await upload(operator, cma, Buffer.concat([PDF, Buffer.alloc(5_000)]));
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { field: 'file' } });
    const json = await t.http.put(certificatePath(cma)).set(operator.auth).send({ file: 'x' });
    expect(json.status).toBe(415);
    expect((await qualificationsAs(operator)).find((q) => q.id === cma)).toMatchObject({ certificateUploaded: false });
    expect(storedFiles()).toHaveLength(1);
  });

  it('a replaced scan and the scan of a removed qualification leave the store; edits keep the scan by id', async () => {
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300, 2)]);
    const replaced = await upload(operator, cnasId, jpeg, '证书照片.JPG');
    expect(replaced.body.certificate).toMatchObject({ contentType: 'image/jpeg', fileName: '证书照片.JPG' });
    expect(storedFiles()).toHaveLength(1);

    // an edit naming the qualification by id keeps it and its scan
    const current = await qualificationsAs(operator);
    const kept = await t.http
      .patch(`/api/platforms/${platformId}`)
      .set(operator.auth)
      .send({
        qualifications: current.map(({ id, kind, certificateNo, validUntil }) => ({
          id,
          kind,
          certificateNo,
          accreditedScope: '纺织品 色牢度、断裂强力检测',
          validUntil,
        })),
      });
    expect(kept.status).toBe(200);
    expect(kept.body.qualifications.find((q: { id: string }) => q.id === cnasId)).toMatchObject({
      accreditedScope: '纺织品 色牢度、断裂强力检测',
      certificate: { fileName: '证书照片.JPG' },
    });
    expect(storedFiles()).toHaveLength(1);

    // a list without it deletes it, and its scan
    const dropped = await t.http
      .patch(`/api/platforms/${platformId}`)
      .set(operator.auth)
      .send({ qualifications: [CMA] });
    expect(dropped.body.qualifications).toHaveLength(1);
    expect(storedFiles()).toEqual([]);
    expect((await download(cnasId, operator)).status).toBe(404);
  });
});
