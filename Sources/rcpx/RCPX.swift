import ArgumentParser
import RCPCore

/// The root command. With no subcommand it runs `explore`: the explorer on a terminal, else the process list.
@main
struct RCPX: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "rcpx",
        abstract: "Explore the regional consultative processes on migration (RCPs) of the 2005 IOM paper.",
        discussion: """
            With no command, rcpx opens the explorer when it runs in a terminal, and prints the process list \
            otherwise. Every command answers one question and exits; names are matched ignoring case, accents \
            and punctuation.

            Examples:
              rcpx list --region africa       the processes of a region
              rcpx show bali                  the Bali Process card (or: rcpx show 12)
              rcpx state turkey               Turkey's processes and roles
              rcpx state "cote d'ivoire" --format json
              rcpx search trafficking --limit 5
              rcpx matrix --region europe --sort count
              rcpx overlap manila apc         members in common, and of only one
              rcpx compare bali apc colombo   up to four processes (or parties) side by side
              rcpx rank states                the parties in the most processes
              rcpx timeline --from 2001       every dated record in order
              rcpx map bali                   where in the world a process reaches
              rcpx gaps                       the states of 2005 in no process
              rcpx practices 6                an IAMM heading and who discusses it
              rcpx guide characteristics      what the paper says RCPs have in common
              rcpx validate my-data.json      check a file before using --data
              rcpx explore --help             the explorer's options

            Exit codes: 0 answered, 1 nothing matched (or the name was ambiguous), 64 usage error, \
            65 invalid data file.
            """,
        version: "rcpx \(version)",
        subcommands: [
            ExploreCommand.self, ListCommand.self, ShowCommand.self, StateCommand.self, SearchCommand.self,
            MatrixCommand.self, OverlapCommand.self, CompareCommand.self, RankCommand.self, TimelineCommand.self,
            MapCommand.self, GapsCommand.self, PracticesCommand.self, UnderstandingsCommand.self, GuideCommand.self,
            ValidateCommand.self, KeysCommand.self, ChecklistCommand.self,
        ],
        defaultSubcommand: ExploreCommand.self
    )

    /// Parses the command line with the global options allowed before the command (see `ArgumentOrder`);
    /// invalid UTF-8 and mistyped commands are answered first, and messages escaped (see `EntryPoint`).
    static func main() {
        EntryPoint.main(RCPX.self, commands: configuration.subcommands.map { $0._commandName })
    }
}
