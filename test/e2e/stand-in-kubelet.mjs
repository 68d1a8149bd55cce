// A stand-in for the kubelet of the e2e cluster's one Node, which has no container runtime.
// It does the two things a kubelet does that ktl's tests observe through the API:
// - reports pods bound to the node as started (Running and Ready; a Job's pods as Succeeded),
// - finishes graceful deletion (a bound pod is only removed once its kubelet confirms it).
// Usage: node stand-in-kubelet.mjs E2E_DIR API_PORT NODE_NAME
import {readFileSync} from 'node:fs'
import {request} from 'node:https'
import {join} from 'node:path'

const [dir, port, nodeName] = process.argv.slice(2)
const tls = {
  ca: readFileSync(join(dir, 'pki/ca.crt')),
  cert: readFileSync(join(dir, 'pki/admin.crt')),
  key: readFileSync(join(dir, 'pki/admin.key')),
}

function call(method, path, body, contentType = 'application/json') {
  const data = body === undefined ? undefined : JSON.stringify(body)
  // An explicit length: Go's server refuses a chunked DELETE body with a bare 400.
  const headers = {'content-type': contentType, accept: 'application/json', ...(data === undefined ? {} : {'content-length': Buffer.byteLength(data)})}
  return new Promise((resolve, reject) => {
    const req = request({host: '127.0.0.1', port, method, path, ...tls, headers}, (res) => {
      let text = ''
      res.setEncoding('utf8').on('data', (d) => (text += d)).on('end', () => resolve({status: res.statusCode, body: text}))
    })
    req.on('error', reject)
    req.end(data)
  })
}

let nextIP = 2
const started = new Set()

function runningStatus(pod, now) {
  const ownedByJob = (pod.metadata.ownerReferences ?? []).some((o) => o.kind === 'Job')
  const containers = pod.spec.containers ?? []
  const ip = `10.244.0.${nextIP++ % 250}`
  const condition = (type, status = 'True') => ({type, status, lastProbeTime: null, lastTransitionTime: now})
  const state = ownedByJob
    ? {terminated: {exitCode: 0, reason: 'Completed', startedAt: now, finishedAt: now, containerID: ''}}
    : {running: {startedAt: now}}
  return {
    status: {
      phase: ownedByJob ? 'Succeeded' : 'Running',
      conditions: [
        condition('Initialized'),
        condition('Ready', ownedByJob ? 'False' : 'True'),
        condition('ContainersReady', ownedByJob ? 'False' : 'True'),
        condition('PodScheduled'),
      ],
      hostIP: '127.0.0.1',
      podIP: ip,
      podIPs: [{ip}],
      startTime: now,
      containerStatuses: containers.map((c, i) => ({
        name: c.name,
        ready: !ownedByJob,
        started: !ownedByJob,
        restartCount: 0,
        image: c.image,
        imageID: `docker.io/library/${c.image}@sha256:${'0'.repeat(63)}${i}`,
        containerID: `containerd://${pod.metadata.uid.replaceAll('-', '')}${i}`,
        state: ownedByJob ? {terminated: {...state.terminated, containerID: `containerd://${pod.metadata.uid.replaceAll('-', '')}${i}`}} : state,
        lastState: {},
      })),
    },
  }
}

async function reconcile(pod) {
  const path = `/api/v1/namespaces/${pod.metadata.namespace}/pods/${pod.metadata.name}`
  if (pod.metadata.deletionTimestamp) {
    const res = await call('DELETE', path, {kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 0, preconditions: {uid: pod.metadata.uid}})
    if (res.status >= 300 && res.status !== 404) console.error(`delete ${pod.metadata.name}: ${res.status} ${res.body}`)
    started.delete(pod.metadata.uid)
    return
  }
  if (started.has(pod.metadata.uid) || pod.status?.startTime) return
  started.add(pod.metadata.uid)
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z')
  await call('PATCH', `${path}/status`, runningStatus(pod, now), 'application/merge-patch+json')
}

async function watchLoop() {
  const selector = encodeURIComponent(`spec.nodeName=${nodeName}`)
  for (;;) {
    try {
      const list = JSON.parse((await call('GET', `/api/v1/pods?fieldSelector=${selector}`)).body)
      for (const pod of list.items ?? []) await reconcile(pod)
      await new Promise((resolve, reject) => {
        const req = request(
          {host: '127.0.0.1', port, method: 'GET', ...tls, path: `/api/v1/pods?watch=1&fieldSelector=${selector}&resourceVersion=${list.metadata.resourceVersion}`},
          (res) => {
            let buffered = ''
            res.setEncoding('utf8')
            res.on('data', (chunk) => {
              buffered += chunk
              let nl
              while ((nl = buffered.indexOf('\n')) >= 0) {
                const line = buffered.slice(0, nl)
                buffered = buffered.slice(nl + 1)
                const event = JSON.parse(line)
                if (event.type === "ADDED" || event.type === "MODIFIED") reconcile(event.object).catch((err) => console.error(`reconcile ${event.object.metadata.name}: ${err.message}`))
              }
            })
            res.on('end', () => {
              console.error(`watch ended (${res.statusCode})`)
              resolve()
            })
            res.on('error', reject)
          },
        )
        req.on('error', reject)
        req.end()
      })
    } catch (err) {
      console.error(`watch: ${err.message}`)
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
  }
}

process.on('SIGTERM', () => process.exit(0))
watchLoop()
