/**
 * {@code depends_on}: the graph of which app needs which ({@link jsup.supervisor.dependencies.DependencyGraph})
 * and the decision whether an app may start now ({@link jsup.supervisor.dependencies.DependencyGate}). Pure:
 * the engine asks, with the time passed in.
 */
package jsup.supervisor.dependencies;
