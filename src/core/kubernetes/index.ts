export {
  kubernetesObjects,
  POD_SPEC_PATHS,
  type ContainerGroup,
  type ContainerRef,
  type K8sObject,
  type PodSpecRef,
} from './objects';
