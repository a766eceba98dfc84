package jsup.cli.completion;

import java.util.ArrayList;
import java.util.List;

/**
 * The bash completion script: commands and aliases, each command's options, app names from the
 * running jsupd ({@link CompletionModel#NAMES_COMMAND}, only when its socket exists, so completing
 * never starts a daemon), and file names where an argument or option takes a file.
 */
final class BashCompletion {

    private BashCompletion() {
    }

    static String script(CompletionModel model) {
        StringBuilder sb = new StringBuilder();
        sb.append("""
                # jsup completion for bash. Load it with: source <(jsup completion bash)
                # or save it as /etc/bash_completion.d/jsup. App names come from the running jsupd
                # (jsup list --names); none are offered while no jsupd runs, and completing never starts one.

                _jsup_names() {
                  [ -S "${JSUP_HOME:-$HOME/.jsup}/jsup.sock" ] || return 0
                  %s 2>/dev/null
                }

                _jsup() {
                  local cur="${COMP_WORDS[COMP_CWORD]}" prev="" cmd="" i
                  [ "$COMP_CWORD" -gt 0 ] && prev="${COMP_WORDS[COMP_CWORD-1]}"
                  for ((i = 1; i < COMP_CWORD; i++)); do
                    case "${COMP_WORDS[i]}" in
                      -*) ;;
                      *) cmd="${COMP_WORDS[i]}"; break ;;
                    esac
                  done
                  COMPREPLY=()
                  if [ -z "$cmd" ]; then
                    COMPREPLY=($(compgen -W "%s" -- "$cur"))
                    return 0
                  fi
                  local opts="" files="" values="" fixed="" names=0 filearg=0
                  case "$cmd" in
                """.formatted(CompletionModel.NAMES_COMMAND, String.join(" ", topWords(model))));
        for (CompletionModel.Command c : model.commands()) {
            sb.append("    ").append(String.join("|", c.names())).append(")\n")
                    .append("      opts=\"").append(String.join(" ", optionNames(c.options(), o -> true))).append("\"\n")
                    .append("      files=\"").append(String.join(" ", optionNames(c.options(), o -> o.takesFile())))
                    .append("\"\n")
                    .append("      values=\"").append(String.join(" ",
                            optionNames(c.options(), o -> o.takesValue() && !o.takesFile()))).append("\"\n")
                    .append("      fixed=\"").append(String.join(" ", c.words())).append("\"\n")
                    .append("      names=").append(c.appNames() ? 1 : 0)
                    .append("; filearg=").append(c.files() ? 1 : 0).append(" ;;\n");
        }
        sb.append("""
                    *) return 0 ;;
                  esac
                  case " $files " in *" $prev "*) COMPREPLY=($(compgen -f -- "$cur")); return 0 ;; esac
                  case " $values " in *" $prev "*) return 0 ;; esac
                  if [[ "$cur" == -* ]]; then
                    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
                    return 0
                  fi
                  local candidates="$fixed"
                  [ "$names" = 1 ] && candidates="$candidates $(_jsup_names) all"
                  COMPREPLY=($(compgen -W "$candidates" -- "$cur"))
                  [ "$filearg" = 1 ] && COMPREPLY+=($(compgen -f -- "$cur"))
                  return 0
                }

                complete -o filenames -F _jsup jsup
                """);
        return sb.toString();
    }

    private static List<String> topWords(CompletionModel model) {
        List<String> words = new ArrayList<>();
        for (CompletionModel.Command c : model.commands()) {
            words.addAll(c.names());
        }
        for (CompletionModel.Option o : model.rootOptions()) {
            words.addAll(o.names());
        }
        return words;
    }

    static List<String> optionNames(List<CompletionModel.Option> options,
                                    java.util.function.Predicate<CompletionModel.Option> which) {
        List<String> names = new ArrayList<>();
        for (CompletionModel.Option o : options) {
            if (which.test(o)) {
                names.addAll(o.names());
            }
        }
        return names;
    }
}
