import {Flags} from '@oclif/core'
import {CreateObjectCommand, nameFromArgs} from '../../lib/create/command.js'
import {createObjectFlags, createObjectOptions} from '../../lib/create/flags.js'

export default class CreateIngress extends CreateObjectCommand {
  static summary = 'Create an ingress with the specified name'
  static aliases = ['create:ing']
  static usage = 'create ingress NAME --rule=host/path=service:port[,tls[=secret]]  [options]'
  static examples = [
    '# Create a single ingress called \'simple\' that directs requests to foo.com/bar to svc\n# svc1:8080 with a TLS secret "my-cert"\n<%= config.bin %> create ingress simple --rule="foo.com/bar=svc1:8080,tls=my-cert"',
    '# Create a catch all ingress of "/path" pointing to service svc:port and Ingress Class as "otheringress"\n<%= config.bin %> create ingress catch-all --class=otheringress --rule="/path=svc:port"',
    '# Create an ingress with two annotations: ingress.annotation1 and ingress.annotations2\n<%= config.bin %> create ingress annotated --class=default --rule="foo.com/bar=svc:port" \\\n  --annotation ingress.annotation1=foo \\\n  --annotation ingress.annotation2=bla',
    '# Create an ingress with the same host and multiple paths\n<%= config.bin %> create ingress multipath --class=default \\\n  --rule="foo.com/=svc:port" \\\n  --rule="foo.com/admin/=svcadmin:portadmin"',
    '# Create an ingress with multiple hosts and the pathType as Prefix\n<%= config.bin %> create ingress ingress1 --class=default \\\n  --rule="foo.com/path*=svc:8080" \\\n  --rule="bar.com/admin*=svc2:http"',
    '# Create an ingress with TLS enabled using the default ingress certificate and different path types\n<%= config.bin %> create ingress ingtls --class=default \\\n  --rule="foo.com/=svc:https,tls" \\\n  --rule="foo.com/path/subpath*=othersvc:8080"',
    '# Create an ingress with TLS enabled using a specific secret and pathType as Prefix\n<%= config.bin %> create ingress ingsecret --class=default \\\n  --rule="foo.com/*=svc:8080,tls=secret1"',
    '# Create an ingress with a default backend\n<%= config.bin %> create ingress ingdefault --class=default \\\n  --default-backend=defaultsvc:http \\\n  --rule="foo.com/*=svc:8080,tls=secret1"',
  ]
  static strict = false
  static flags = {
    ...createObjectFlags,
    class: Flags.string({description: 'Ingress Class to be used'}),
    rule: Flags.string({
      multiple: true,
      multipleNonGreedy: true,
      description:
        "Rule in format host/path=service:port[,tls=secretname]. Paths containing the leading character '*' are considered pathType=Prefix. tls argument is optional.",
    }),
    'default-backend': Flags.string({description: 'Default service for backend, in format of svcname:port'}),
    annotation: Flags.string({
      multiple: true,
      multipleNonGreedy: true,
      description: 'Annotation to insert in the ingress object, in the format annotation=value',
    }),
  }

  async run(): Promise<void> {
    const {flags, args} = await this.parseGenerator(CreateIngress)
    const name = nameFromArgs(args, 'create ingress')
    const options = createObjectOptions(flags)
    const [{buildIngress, validateIngress}, {runCreateObject}] = await Promise.all([import('../../lib/create/ingress.js'), import('../../lib/ops/create.js')])
    const ingress = {
      name,
      ingressClass: flags.class ?? '',
      rules: flags.rule ?? [],
      defaultBackend: flags['default-backend'] ?? '',
      annotations: flags.annotation ?? [],
    }
    validateIngress(ingress)
    await runCreateObject(this.ctx(flags), buildIngress(ingress), {...options, errorPrefix: 'failed to create ingress: '})
  }
}
