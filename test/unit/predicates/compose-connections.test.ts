import assert from 'node:assert/strict';
import { composeServices, failures, pointedText, runPredicate } from './app-config-helpers';

const text = [
  'services:',
  '  api:',
  '    image: registry.example.eu/api:1.0.0',
  '    environment:',
  '      SqlServer__ConnectionString: Server=tcp:sql,1433;Database=ehr;Password=${PW};TrustServerCertificate=true',
  '      SECOND_DB: postgresql://reports-db:5432/reports?sslmode=verify-full',
  '  pacs:',
  '    image: orthancteam/orthanc:25.2.0',
  '    environment:',
  '      - ORTHANC__ODBC__INDEX_CONNECTION_STRING=Driver={ODBC Driver 18 for SQL Server};Server=tcp:db,1433;Encrypt=no',
  '      - LOCAL_URL=jdbc:postgresql://localhost:5432/cache?sslmode=disable',
  '      - FROM_SHELL',
  '  viewer:',
  '    image: registry.example.eu/viewer:2.0.0',
  '',
].join('\n');

describe('predicate compose-database-connections-encrypted', () => {
  const services = composeServices(text);

  it('reports weak connection strings in both environment forms, at their values', () => {
    const api = runPredicate('compose-database-connections-encrypted', services.get('api')!);
    assert.deepEqual(failures(api).map((e) => pointedText(text, e)), ['Server=tcp:sql,1433;Database=ehr;Password=${PW};TrustServerCertificate=true']);
    assert.match(api.valueText ?? '', /TrustServerCertificate=true/);
    const pacs = runPredicate('compose-database-connections-encrypted', services.get('pacs')!);
    assert.deepEqual(failures(pacs).map((e) => pointedText(text, e)), ['Driver={ODBC Driver 18 for SQL Server};Server=tcp:db,1433;Encrypt=no']);
  });

  it('passes services without environment or with only verified or local connections', () => {
    assert.equal(runPredicate('compose-database-connections-encrypted', services.get('viewer')!).outcome, 'pass');
    const verified = composeServices('services:\n  a:\n    environment:\n      DB: postgresql://db:5432/x?sslmode=verify-full\n      LOCAL: jdbc:mysql://127.0.0.1/x?useSSL=false\n');
    assert.equal(runPredicate('compose-database-connections-encrypted', verified.get('a')!).outcome, 'pass');
  });
});
