# Empties the session inventory: clusters first (they hold hosts), then hosts (their uplinks are cabled to the
# switches), then switches. Dot-sourced by the tests that start from an empty session.
function Clear-VNTestSession {
    Get-VNCluster | Remove-VNCluster
    Get-VNHost | Remove-VNHost
    Get-VNPhysicalSwitch | Remove-VNPhysicalSwitch
}
