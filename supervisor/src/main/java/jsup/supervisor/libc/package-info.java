/**
 * The C library through JNA's direct mapping ({@link jsup.supervisor.libc.LibcBinding}): the one place
 * that decides where a class's {@code native} methods may be bound to libc and binds them.
 *
 * <p>Depends on nothing else in jsup, so the process package, readiness and file watching may all use it.
 */
package jsup.supervisor.libc;
