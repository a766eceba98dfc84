package jsup.cli.completion;

/**
 * The zsh completion script (native, no bashcompinit): commands with their summaries, options with
 * their descriptions, app names from the running jsupd (only when its socket exists) and files.
 * Works sourced ({@code source <(jsup completion zsh)} after {@code compinit}) or as {@code _jsup}
 * in a folder of {@code $fpath}.
 */
final class ZshCompletion {

    private ZshCompletion() {
    }

    static String script(CompletionModel model) {
        StringBuilder sb = new StringBuilder();
        sb.append("""
                #compdef jsup
                # jsup completion for zsh. Load it with: source <(jsup completion zsh)  (after compinit)
                # or save it as _jsup in a folder of $fpath. App names come from the running jsupd
                # (jsup list --names); none are offered while no jsupd runs, and completing never starts one.

                _jsup_names() {
                  [[ -S ${JSUP_HOME:-$HOME/.jsup}/jsup.sock ]] || return 0
                  %s 2>/dev/null
                }

                _jsup() {
                  local -a commands opts files values fixed candidates
                  local cmd="" i names_too=0 file_arg=0
                  for (( i = 2; i < CURRENT; i++ )); do
                    if [[ $words[i] != -* ]]; then
                      cmd=$words[i]
                      break
                    fi
                  done
                  if [[ -z $cmd ]]; then
                    if [[ $PREFIX == -* ]]; then
                      opts=(%s)
                      _describe -t options 'jsup option' opts
                    else
                      commands=(
                """.formatted(CompletionModel.NAMES_COMMAND, described(model.rootOptions())));
        for (CompletionModel.Command c : model.commands()) {
            for (String name : c.names()) {
                sb.append("        ").append(quote(name + ":" + c.summary())).append('\n');
            }
        }
        sb.append("""
                      )
                      _describe -t commands 'jsup command' commands
                    fi
                    return
                  fi
                  case $cmd in
                """);
        for (CompletionModel.Command c : model.commands()) {
            sb.append("    (").append(String.join("|", c.names())).append(")\n")
                    .append("      opts=(").append(described(c.options())).append(")\n")
                    .append("      files=(").append(String.join(" ",
                            BashCompletion.optionNames(c.options(), o -> o.takesFile()))).append(")\n")
                    .append("      values=(").append(String.join(" ",
                            BashCompletion.optionNames(c.options(), o -> o.takesValue() && !o.takesFile()))).append(")\n")
                    .append("      fixed=(").append(String.join(" ", c.words())).append(")\n")
                    .append("      names_too=").append(c.appNames() ? 1 : 0)
                    .append("; file_arg=").append(c.files() ? 1 : 0).append(" ;;\n");
        }
        sb.append("""
                    (*) return 1 ;;
                  esac
                  if (( ${files[(Ie)$words[CURRENT-1]]} )); then
                    _files
                    return
                  fi
                  if (( ${values[(Ie)$words[CURRENT-1]]} )); then
                    _message 'value'
                    return
                  fi
                  if [[ $PREFIX == -* ]]; then
                    _describe -t options 'option' opts
                    return
                  fi
                  candidates=($fixed)
                  (( names_too )) && candidates+=(${(f)"$(_jsup_names)"} all)
                  (( $#candidates )) && compadd -- $candidates
                  (( file_arg )) && _files
                  return 0
                }

                if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
                  _jsup "$@"
                else
                  compdef _jsup jsup
                fi
                """);
        return sb.toString();
    }

    /** {@code '--name:what it does'} items for {@code _describe}, one per spelling. */
    private static String described(java.util.List<CompletionModel.Option> options) {
        StringBuilder sb = new StringBuilder();
        for (CompletionModel.Option o : options) {
            for (String name : o.names()) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(quote(name.replace(":", "\\:") + ":" + o.description()));
            }
        }
        return sb.toString();
    }

    /** A single-quoted zsh word. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
