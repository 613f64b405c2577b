/**
 * Word lists the classifiers share: technologies, action verbs, outcome verbs, pronoun actors.
 * Lists hold general vocabulary of engineering interviews, not phrases of any one transcript.
 */

/** Technology names (languages, data stores, clouds, frameworks, infra tools), lower case. */
const TECH_WORDS = `
python java javascript typescript go golang rust scala kotlin swift ruby php elixir erlang haskell c++ c# csharp
clojure perl r matlab sql nosql graphql grpc rest protobuf thrift json
react angular vue svelte nextjs next.js redux node nodejs node.js express django flask fastapi rails spring
springboot laravel dotnet .net flutter android ios webpack vite jquery tailwind
postgres postgresql mysql mariadb sqlite oracle mongodb mongo cassandra dynamodb dynamo redis memcached
elasticsearch elastic opensearch solr neo4j couchbase cockroachdb snowflake bigquery redshift clickhouse
druid pinot hbase hive presto trino athena databricks delta iceberg parquet avro
kafka kinesis rabbitmq sqs sns pubsub pulsar nats zeromq celery sidekiq airflow dagster prefect luigi
spark flink beam hadoop mapreduce dbt pandas numpy pytorch tensorflow keras scikit sklearn xgboost
huggingface transformers llm llms langchain openai bert onnx cuda mlflow kubeflow sagemaker vertex
aws gcp azure ec2 s3 lambda ecs eks fargate cloudfront cloudflare fastly akamai heroku vercel netlify
kubernetes k8s docker helm terraform pulumi ansible chef puppet packer nomad consul vault istio envoy
linkerd nginx haproxy traefik jenkins circleci travis github gitlab bazel gradle maven argo argocd
spinnaker prometheus grafana datadog splunk kibana logstash jaeger zipkin opentelemetry sentry
newrelic pagerduty honeycomb tableau looker metabase segment amplitude mixpanel stripe twilio
firebase supabase graphite statsd webrtc websocket websockets kotlin unity unreal wasm webassembly
linux unix bash jvm cdn vpc iam okta auth0 oauth saml jwt ldap envoy sidecar
hl7 fhir salesforce sap jira figma selenium cypress jest pytest junit playwright appium mocha
rxjs d3 threejs opengl vulkan directx metal unreal godot arduino rtos freertos zephyr yocto
nginx openshift rancher mesos marathon zookeeper etcd hdfs kafka-streams ksql tableau powerbi
`;

/** Technology names of two words, matched as phrases. */
const TECH_PHRASES = [
  'ruby on rails',
  'spring boot',
  'big query',
  'cloud run',
  'cloud functions',
  'app engine',
  'react native',
  'step functions',
  'event bridge',
  'google cloud',
  'new relic',
  'github actions',
  'gitlab ci',
  'sql server',
  'type script',
  'java script',
  'post gres',
  'elastic search',
  'open telemetry',
  'apache spark',
  'apache kafka',
  'scikit learn',
  'dynamo db',
  'mongo db',
  'c sharp',
  'dot net',
  'power bi',
  'objective c',
  'jetpack compose',
  'swift ui',
];

/** Set of single-word technology names. */
export const TECH_SET: ReadonlySet<string> = new Set(
  TECH_WORDS.split(/\s+/).filter((w) => w.length > 0),
);

/** Technology phrases, space-padded for matching against unit text. */
export const TECH_PHRASE_LIST: readonly string[] = TECH_PHRASES.map((p) => ` ${p} `);

const TECH_PHRASE_SET: ReadonlySet<string> = new Set(TECH_PHRASES);
/** First words of the phrases: a pair is only built after one of them (keeps the scan cheap). */
const TECH_PHRASE_FIRST: ReadonlySet<string> = new Set(
  TECH_PHRASES.map((p) => p.split(' ')[0] ?? ''),
);

/** Technology names in a unit's padded text, in order (one pass over its words). */
export function techMentions(text: string): string[] {
  const found: string[] = [];
  const words = text.trim().split(' ');
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    if (TECH_PHRASE_FIRST.has(w)) {
      const pair = `${w} ${words[i + 1] ?? ''}`;
      if (TECH_PHRASE_SET.has(pair)) {
        found.push(pair);
        i++;
        continue;
      }
    }
    if (TECH_SET.has(w)) found.push(w);
  }
  return found;
}

/**
 * Verbs of personal action in engineering work. Used after "I" (and "we") to find who acts.
 * Past and present forms; "I'm leading" is caught through the -ing list.
 */
export const ACTION_VERBS =
  'led|lead|leading|built|build|building|designed|design|designing|wrote|write|writing|owned|own|' +
  'owning|drove|drive|driving|implemented|implement|architected|created|create|launched|launch|' +
  'shipped|ship|shipping|migrated|migrate|rewrote|rewrite|introduced|introduce|set up|setup|' +
  'ran|run|running|managed|manage|managing|mentored|mentor|hired|proposed|propose|pushed|' +
  'decided|chose|pick|picked|convinced|negotiated|prototyped|benchmarked|profiled|automated|' +
  'refactored|optimized|optimised|replaced|moved|added|removed|spearheaded|started|founded|' +
  'helped|worked on|focused on|took over|took on|redesigned|rebuilt|scaled|coordinated|' +
  'instrumented|debugged|fixed|tuned|split|cut|reduced|improved|delivered|deployed|developed|' +
  'develop|developing|created|partnered|kicked off|rolled out|set|made|did|found|noticed|' +
  'realized|realised|investigated|analyzed|analysed|wrote up|documented|sharded|cached|' +
  'ported|integrated|evaluated|tested|planned|defined|established|championed|pitched';

/** "I <action>" with an optional adverb or auxiliary between. */
export const I_ACTION = new RegExp(
  ` (i|i've|i'd|i'll) (also |personally |then |actually |just |really |first |basically |had |was |have |ended up |) ?(${ACTION_VERBS}) `,
);
/** "we <action>" in the same form. */
export const WE_ACTION = new RegExp(
  ` (we|we've|we'd|we'll|the team|our team) (also |then |actually |just |really |first |basically |had |were |have |ended up |) ?(${ACTION_VERBS}) `,
);

/** Statements of the speaker's own role: ownership without a verb list. */
export const I_OWNERSHIP =
  / (my role|my job|my part|i was (the|a) (\w+ )?(lead|owner|manager|point person|dri|driver|architect|one who|only one)|i was (responsible|in charge|accountable|the one)|i was leading|i owned|i own|i'm responsible|i am responsible|i was accountable|i personally|i was on point|i was the one) /;

/** Words that state an outcome changed, with or without a number. */
export const OUTCOME_VERBS =
  /( reduced| reduce| cut| dropped| drop| fell| went (down|up)| brought (it )?down| improved| improve| increased| increase| grew| doubled| tripled| halved| saved| sped up| speed up| faster| slower| fewer| lower| higher| better| more reliable| eliminated| boosted| raised| lifted| shrank| down to| up to| from [a-z0-9$.,]+ (\w+ )?to| resulted in| led to| as a result| ended up| impact| outcome| result)/;

/** Vague intensifiers in improvement claims ("significantly reduced"). */
export const VAGUE_INTENSIFIERS =
  / (significantly|dramatically|drastically|greatly|massively|hugely|substantially|considerably|a lot|way|much|really|tremendously|noticeably|meaningfully|vastly|so much) /;
