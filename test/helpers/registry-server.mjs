// A local npm registry (verdaccio) for the install tests: loopback only, on a
// free port it prints as its first line, no uplinks (it never asks another
// registry), its storage in the folder given as the first argument. Started as
// a process of its own: the tests call npm synchronously, which would block a
// server in the test's own process.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runServer } from 'verdaccio'

const storage = process.argv[2]
const htpasswd = join(storage, 'htpasswd')
writeFileSync(htpasswd, '')
const server = await runServer({
  self_path: storage,
  storage: join(storage, 'pakketten'),
  auth: { htpasswd: { file: htpasswd } },
  uplinks: {},
  packages: { '**': { access: '$all', publish: '$authenticated' } },
  // The package carries its dependencies (bundleDependencies): some 30 MB, base64 in the publish request.
  max_body_size: '200mb',
  web: { enable: false },
  log: { type: 'stdout', format: 'pretty', level: 'error' },
})
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
