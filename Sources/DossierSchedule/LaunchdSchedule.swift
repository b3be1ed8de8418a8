import Foundation

/// The LaunchAgent property list that runs `dossier refresh --quiet` nightly on macOS: pure XML
/// generation and reading the time back from an installed agent.
public enum LaunchdSchedule {
    public static let label = "org.dossier.refresh"
    public static let fileName = label + ".plist"

    /// A property list (XML format) with the label, program arguments, daily calendar interval, log
    /// paths and, when any are set, the environment variables; low-priority background work.
    public static func propertyList(
        time: ScheduleTime, executablePath: String, logFile: String, environment: [JobVariable]
    ) -> String {
        var body = [
            "\t<key>Label</key>",
            "\t<string>\(escaped(label))</string>",
            "\t<key>ProgramArguments</key>",
            "\t<array>",
            "\t\t<string>\(escaped(executablePath))</string>",
            "\t\t<string>refresh</string>",
            "\t\t<string>--quiet</string>",
            "\t</array>",
        ]
        if !environment.isEmpty {
            body.append("\t<key>EnvironmentVariables</key>")
            body.append("\t<dict>")
            for variable in environment {
                body.append("\t\t<key>\(escaped(variable.name))</key>")
                body.append("\t\t<string>\(escaped(variable.value))</string>")
            }
            body.append("\t</dict>")
        }
        body += [
            "\t<key>StartCalendarInterval</key>",
            "\t<dict>",
            "\t\t<key>Hour</key>",
            "\t\t<integer>\(time.hour)</integer>",
            "\t\t<key>Minute</key>",
            "\t\t<integer>\(time.minute)</integer>",
            "\t</dict>",
            "\t<key>StandardOutPath</key>",
            "\t<string>\(escaped(logFile))</string>",
            "\t<key>StandardErrorPath</key>",
            "\t<string>\(escaped(logFile))</string>",
            "\t<key>ProcessType</key>",
            "\t<string>Background</string>",
        ]
        let header = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">"#,
            "<!-- Written by `dossier schedule install`; `dossier schedule remove` deletes it. -->",
            #"<plist version="1.0">"#,
            "<dict>",
        ]
        return (header + body + ["</dict>", "</plist>"]).joined(separator: "\n") + "\n"
    }

    /// The `StartCalendarInterval` time of an agent file, if it parses and has one.
    public static func time(inPropertyList data: Data) -> ScheduleTime? {
        guard
            let root = try? PropertyListSerialization.propertyList(from: data, format: nil) as? [String: Any],
            let interval = root["StartCalendarInterval"] as? [String: Any],
            let hour = interval["Hour"] as? Int, let minute = interval["Minute"] as? Int
        else { return nil }
        return ScheduleTime(hour: hour, minute: minute)
    }

    /// The `gui/<uid>` domain `launchctl` manages the user's agents in.
    public static func domain(userID: UInt32) -> String { "gui/\(userID)" }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
