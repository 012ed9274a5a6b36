import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A scan of each qualification's certificate (issue 18): PDF/JPG/PNG in the file store, like order
 * deliverables; the row keeps its name, sniffed type, size, hash and who uploaded it when. All or none.
 */
export class QualificationCertificates1765530000000 implements MigrationInterface {
  name = 'QualificationCertificates1765530000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE platform_qualifications
        ADD COLUMN certificate_storage_key text,
        ADD COLUMN certificate_file_name text CHECK (length(certificate_file_name) BETWEEN 1 AND 200),
        ADD COLUMN certificate_content_type text
          CHECK (certificate_content_type IN ('application/pdf', 'image/png', 'image/jpeg')),
        ADD COLUMN certificate_size_bytes integer CHECK (certificate_size_bytes > 0),
        ADD COLUMN certificate_sha256 text,
        ADD COLUMN certificate_uploaded_by uuid,
        ADD COLUMN certificate_uploaded_at timestamptz,
        ADD CONSTRAINT platform_qualifications_certificate_check CHECK (
          (certificate_storage_key IS NULL) = (certificate_file_name IS NULL)
          AND (certificate_storage_key IS NULL) = (certificate_content_type IS NULL)
          AND (certificate_storage_key IS NULL) = (certificate_size_bytes IS NULL)
          AND (certificate_storage_key IS NULL) = (certificate_sha256 IS NULL)
          AND (certificate_storage_key IS NULL) = (certificate_uploaded_at IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE platform_qualifications
        DROP CONSTRAINT platform_qualifications_certificate_check,
        DROP COLUMN certificate_uploaded_at,
        DROP COLUMN certificate_uploaded_by,
        DROP COLUMN certificate_sha256,
        DROP COLUMN certificate_size_bytes,
        DROP COLUMN certificate_content_type,
        DROP COLUMN certificate_file_name,
        DROP COLUMN certificate_storage_key`);
  }
}
