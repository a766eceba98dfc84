package jsup.supervisor.log;

/** Which of a child's output pipes a piece of output came from. */
enum Pipe { OUT, ERR }
