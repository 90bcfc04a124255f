// The app's YAML adapter, for core tests that need to parse YAML the way the page does.
export { parseYamlDocuments } from '../app/yaml.ts'
