<#
.SYNOPSIS
    Writes a read-only inventory of a Hyper-V failover cluster as one JSON file, for
    `vtopo import`.

.DESCRIPTION
    Run on one node of the cluster, as a user who may read the cluster and Hyper-V on
    every node (a member of the local Administrators group of each node, or the cluster
    administrators). The script only reads: it calls Get-* cmdlets and CIM queries, never
    a Set-*, New-*, Remove-*, Start-* or Stop-* cmdlet on the cluster, a node or a VM.

    What it reads (docs/import.md, "Hyper-V", lists what VTopo makes of each field):
      - the cluster: Get-Cluster (heartbeat delays and thresholds, resiliency period,
        quarantine, enforced anti-affinity), Get-ClusterQuorum;
      - each node: Get-ClusterNode; Win32_OperatingSystem, Win32_ComputerSystem,
        Win32_Processor and Win32_PhysicalMemory; Get-NetAdapter with
        Get-NetAdapterHardwareInfo (PCI segment, bus, device and function);
        Get-NetLbfoTeam; Get-VMSwitch and Get-VMSwitchTeam; the host vNICs
        (Get-VMNetworkAdapter -ManagementOS) and their VLANs; Get-Volume;
        Get-VM with each VM's disks (Get-VMHardDiskDrive) and network adapters;
      - cluster storage and networks: Get-ClusterSharedVolume, Get-ClusterNetwork,
        Get-ClusterNetworkInterface, and the live-migration networks
        (MigrationExcludeNetworks of the "Virtual Machine" resource type);
      - the VM roles: Get-ClusterGroup (priority, anti-affinity class names), their
        preferred owners (Get-ClusterOwnerNode -Group), and of their Virtual Machine
        resource the VM id (Get-ClusterParameter VmID) and possible owners.

    A node that cannot be reached (a node that is down) is still listed, from the
    cluster's own records; what could not be read is listed under "errors" in the file,
    and the import says so. Nothing is sent anywhere: the file is written to -Path only.

    The file is UTF-8 JSON (ConvertTo-Json -Depth 6) with the marker
    "vtopoInventory": "hyperv" and "version": 1. It holds host names, VM names, IP
    subnets and MAC addresses: treat it as you treat the cluster's documentation.

.PARAMETER Path
    The JSON file to write, for instance C:\temp\cluster.json. An existing file is
    replaced.

.PARAMETER Cluster
    The cluster to read; by default the cluster of this node.

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File hyperv-inventory.ps1 -Path C:\temp\cluster.json

    Then, on a machine with VTopo: vtopo import cluster.json -o cluster.vtopo

.NOTES
    Requires the FailoverClusters and Hyper-V PowerShell modules (installed with the
    Failover Clustering and Hyper-V management tools) and Windows PowerShell 5.1 or
    PowerShell 7. Cmdlet references (Microsoft Learn):
      https://learn.microsoft.com/powershell/module/failoverclusters/
      https://learn.microsoft.com/powershell/module/hyper-v/
      https://learn.microsoft.com/powershell/module/netadapter/
      https://learn.microsoft.com/powershell/module/netlbfo/
      https://learn.microsoft.com/powershell/module/storage/get-volume
      https://learn.microsoft.com/windows/win32/cimwin32prov/win32-processor
#>

[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)]
    [string] $Path,

    [string] $Cluster = '.'
)

$ErrorActionPreference = 'Stop'
Import-Module FailoverClusters
Import-Module Hyper-V

# Windows PowerShell 5.1 can write an array held in a property as {"value": [...], "Count": n}
# because of the extended type data of System.Array; removing that type data for this
# session (it changes nothing outside this PowerShell process) makes ConvertTo-Json write
# plain arrays. VTopo reads both forms.
if ($PSVersionTable.PSVersion.Major -lt 6) {
    Remove-TypeData -TypeName System.Array -ErrorAction SilentlyContinue
}

$script:Errors = New-Object 'System.Collections.Generic.List[string]'

# Runs one read; on failure records "what: why" in the file's errors list and returns $null,
# so that one unreachable node or missing cmdlet does not stop the inventory.
function Invoke-Read {
    param([string] $What, [scriptblock] $Read)
    try {
        & $Read
    } catch {
        $script:Errors.Add("${What}: $($_.Exception.Message)")
        $null
    }
}

# Like Invoke-Read for a list: the items (an empty array when there are none), or $null
# when the list could not be read.
function Invoke-ReadList {
    param([string] $What, [scriptblock] $Read)
    try {
        $items = @(& $Read | Where-Object { $null -ne $_ })
        return ,$items
    } catch {
        $script:Errors.Add("${What}: $($_.Exception.Message)")
        return $null
    }
}

# The name of a cluster object (ClusterNode, ClusterNetwork, ClusterResourceType), or the
# text of a plain value.
function Get-NameOf {
    param($Value)
    if ($null -eq $Value) { return $null }
    if ($Value.PSObject.Properties['Name']) { return [string]$Value.Name }
    return [string]$Value
}

# Enum values are written by name ("Up", "External"), never as numbers: [string] of an enum
# is its name. Numbers (bytes, MHz, ms) are written as they are.

# --------------------------------------------------------------------------- the cluster

# Get-Cluster: https://learn.microsoft.com/powershell/module/failoverclusters/get-cluster
# Its properties are the cluster common properties: SameSubnetDelay (ms between heartbeats),
# SameSubnetThreshold (heartbeats missed before a node is removed), CrossSubnetDelay and
# CrossSubnetThreshold, ResiliencyDefaultPeriod (s) and ResiliencyLevel (Windows Server 2016+),
# QuarantineThreshold and QuarantineDuration, ClusterEnforcedAntiAffinity
# (https://learn.microsoft.com/previous-versions/windows/desktop/mscs/cluster-common-properties).
$c = Get-Cluster -Name $Cluster
$clusterInfo = [pscustomobject]@{
    Name                        = [string]$c.Name
    Domain                      = [string]$c.Domain
    SameSubnetDelay             = $c.SameSubnetDelay
    SameSubnetThreshold         = $c.SameSubnetThreshold
    CrossSubnetDelay            = $c.CrossSubnetDelay
    CrossSubnetThreshold        = $c.CrossSubnetThreshold
    ResiliencyDefaultPeriod     = $c.ResiliencyDefaultPeriod
    ResiliencyLevel             = [string]$c.ResiliencyLevel
    QuarantineThreshold         = $c.QuarantineThreshold
    QuarantineDuration          = $c.QuarantineDuration
    ClusterEnforcedAntiAffinity = $c.ClusterEnforcedAntiAffinity
    ClusterFunctionalLevel      = $c.ClusterFunctionalLevel
}

# Get-ClusterQuorum: QuorumType and QuorumResource (the witness resource, whose resource
# type says disk, file share or cloud witness).
# https://learn.microsoft.com/powershell/module/failoverclusters/get-clusterquorum
$quorumInfo = Invoke-Read 'Get-ClusterQuorum' {
    $q = Get-ClusterQuorum -Cluster $Cluster
    [pscustomobject]@{
        QuorumType         = [string]$q.QuorumType
        QuorumResource     = Get-NameOf $q.QuorumResource
        QuorumResourceType = $(if ($q.QuorumResource) { Get-NameOf $q.QuorumResource.ResourceType } else { $null })
    }
}

# ----------------------------------------------------------------------------- each node

$nodes = New-Object 'System.Collections.Generic.List[object]'
$netAdapters = New-Object 'System.Collections.Generic.List[object]'
$lbfoTeams = New-Object 'System.Collections.Generic.List[object]'
$vmSwitches = New-Object 'System.Collections.Generic.List[object]'
$hostVnics = New-Object 'System.Collections.Generic.List[object]'
$volumes = New-Object 'System.Collections.Generic.List[object]'
$vms = New-Object 'System.Collections.Generic.List[object]'

# Get-ClusterNode: Name, State (Up, Down, Paused, Joining), NodeWeight (its quorum vote),
# and, from the cluster database, Manufacturer and Model even when the node is down.
# https://learn.microsoft.com/powershell/module/failoverclusters/get-clusternode
foreach ($n in @(Get-ClusterNode -Cluster $Cluster)) {
    $name = [string]$n.Name

    # CIM classes of Windows (https://learn.microsoft.com/windows/win32/cimwin32prov/):
    # Win32_OperatingSystem (Caption, Version, BuildNumber), Win32_ComputerSystem
    # (Manufacturer, Model, TotalPhysicalMemory in bytes, NumberOfProcessors = sockets),
    # Win32_Processor (one instance per socket: NumberOfCores, MaxClockSpeed in MHz) and
    # Win32_PhysicalMemory (Capacity of each module, in bytes).
    $os = Invoke-Read "Win32_OperatingSystem on $name" { Get-CimInstance -ClassName Win32_OperatingSystem -ComputerName $name }
    $cs = Invoke-Read "Win32_ComputerSystem on $name" { Get-CimInstance -ClassName Win32_ComputerSystem -ComputerName $name }
    $cpus = Invoke-Read "Win32_Processor on $name" { Get-CimInstance -ClassName Win32_Processor -ComputerName $name }
    $dimms = Invoke-Read "Win32_PhysicalMemory on $name" { Get-CimInstance -ClassName Win32_PhysicalMemory -ComputerName $name }
    $installed = $null
    if ($dimms) { $installed = (@($dimms) | Measure-Object -Property Capacity -Sum).Sum }

    $nodes.Add([pscustomobject]@{
        Name                   = $name
        State                  = [string]$n.State
        NodeWeight             = $n.NodeWeight
        DynamicWeight          = $n.DynamicWeight
        DrainStatus            = [string]$n.DrainStatus
        Manufacturer           = [string]$n.Manufacturer
        Model                  = [string]$n.Model
        OperatingSystem        = $(if ($os) { [pscustomobject]@{ Caption = [string]$os.Caption; Version = [string]$os.Version; BuildNumber = [string]$os.BuildNumber } } else { $null })
        ComputerSystem         = $(if ($cs) { [pscustomobject]@{ Manufacturer = [string]$cs.Manufacturer; Model = [string]$cs.Model; TotalPhysicalMemory = $cs.TotalPhysicalMemory; NumberOfProcessors = $cs.NumberOfProcessors } } else { $null })
        PhysicalMemoryCapacity = $installed
        Processors             = @($cpus | Where-Object { $_ } | ForEach-Object {
            [pscustomobject]@{
                Name                      = [string]$_.Name
                Manufacturer              = [string]$_.Manufacturer
                NumberOfCores             = $_.NumberOfCores
                NumberOfLogicalProcessors = $_.NumberOfLogicalProcessors
                MaxClockSpeed             = $_.MaxClockSpeed
                SocketDesignation         = [string]$_.SocketDesignation
            }
        })
    })

    # Get-NetAdapter: Name, InterfaceDescription, MacAddress, Status, LinkSpeed (text) and
    # Speed (bits per second); -Physical lists the physical adapters only.
    # https://learn.microsoft.com/powershell/module/netadapter/get-netadapter
    # Get-NetAdapterHardwareInfo: the PCI location of each physical adapter, as the
    # MSFT_NetAdapterHardwareInfoSettingData properties SegmentNumber, BusNumber,
    # DeviceNumber, FunctionNumber and SlotNumber; functions of one card share segment,
    # bus and device.
    # https://learn.microsoft.com/powershell/module/netadapter/get-netadapterhardwareinfo
    # https://learn.microsoft.com/windows/win32/fwp/wmi/netadaptercimprov/msft-netadapterhardwareinfosettingdata
    $physicalNames = @(Invoke-Read "Get-NetAdapter -Physical on $name" { Get-NetAdapter -CimSession $name -Physical } | Where-Object { $_ } | ForEach-Object { [string]$_.Name })
    $hardware = @(Invoke-Read "Get-NetAdapterHardwareInfo on $name" { Get-NetAdapterHardwareInfo -CimSession $name -ErrorAction SilentlyContinue } | Where-Object { $_ })
    foreach ($a in @(Invoke-Read "Get-NetAdapter on $name" { Get-NetAdapter -CimSession $name } | Where-Object { $_ })) {
        $pci = $hardware | Where-Object { $_.Name -eq $a.Name } | Select-Object -First 1
        $netAdapters.Add([pscustomobject]@{
            Node                 = $name
            Name                 = [string]$a.Name
            InterfaceDescription = [string]$a.InterfaceDescription
            MacAddress           = [string]$a.MacAddress
            Status               = [string]$a.Status
            LinkSpeed            = [string]$a.LinkSpeed
            Speed                = $a.Speed
            Physical             = ($physicalNames -contains [string]$a.Name)
            Segment              = $(if ($pci) { $pci.SegmentNumber } else { $null })
            Bus                  = $(if ($pci) { $pci.BusNumber } else { $null })
            Device               = $(if ($pci) { $pci.DeviceNumber } else { $null })
            Function             = $(if ($pci) { $pci.FunctionNumber } else { $null })
            Slot                 = $(if ($pci) { $pci.SlotNumber } else { $null })
        })
    }

    # Get-NetLbfoTeam (Name, Members, TeamNics, TeamingMode, LoadBalancingAlgorithm) and
    # Get-NetLbfoTeamMember (AdministrativeMode: Active or Standby). A virtual switch bound
    # to an LBFO team names the team NIC's interface description.
    # https://learn.microsoft.com/powershell/module/netlbfo/get-netlbfoteam
    # https://learn.microsoft.com/powershell/module/netlbfo/get-netlbfoteammember
    foreach ($t in @(Invoke-Read "Get-NetLbfoTeam on $name" { Get-NetLbfoTeam -CimSession $name } | Where-Object { $_ })) {
        $members = @(Invoke-Read "Get-NetLbfoTeamMember $($t.Name) on $name" { Get-NetLbfoTeamMember -Team $t.Name -CimSession $name } | Where-Object { $_ })
        $lbfoTeams.Add([pscustomobject]@{
            Node                   = $name
            Name                   = [string]$t.Name
            TeamingMode            = [string]$t.TeamingMode
            LoadBalancingAlgorithm = [string]$t.LoadBalancingAlgorithm
            Members                = @($members | ForEach-Object { [string]$_.Name })
            StandbyMembers         = @($members | Where-Object { [string]$_.AdministrativeMode -eq 'Standby' } | ForEach-Object { [string]$_.Name })
            TeamNics               = @($t.TeamNics | ForEach-Object { [string]$_ })
        })
    }

    # Get-VMSwitch: Name, SwitchType (External, Internal, Private), EmbeddedTeamingEnabled
    # (a SET switch), NetAdapterInterfaceDescription(s) of the adapters it is bound to;
    # Get-VMSwitchTeam: the members of a SET team.
    # https://learn.microsoft.com/powershell/module/hyper-v/get-vmswitch
    # https://learn.microsoft.com/powershell/module/hyper-v/get-vmswitchteam
    foreach ($s in @(Invoke-Read "Get-VMSwitch on $name" { Hyper-V\Get-VMSwitch -ComputerName $name } | Where-Object { $_ })) {
        $team = $null
        if ($s.EmbeddedTeamingEnabled) {
            $team = Invoke-Read "Get-VMSwitchTeam $($s.Name) on $name" { Hyper-V\Get-VMSwitchTeam -ComputerName $name -Name $s.Name }
        }
        $vmSwitches.Add([pscustomobject]@{
            Node                            = $name
            Name                            = [string]$s.Name
            Id                              = [string]$s.Id
            SwitchType                      = [string]$s.SwitchType
            EmbeddedTeamingEnabled          = [bool]$s.EmbeddedTeamingEnabled
            AllowManagementOS               = [bool]$s.AllowManagementOS
            NetAdapterInterfaceDescription  = [string]$s.NetAdapterInterfaceDescription
            NetAdapterInterfaceDescriptions = @($s.NetAdapterInterfaceDescriptions | Where-Object { $_ } | ForEach-Object { [string]$_ })
            TeamMembers                     = @($(if ($team) { $team.NetAdapterInterfaceDescription }) | Where-Object { $_ } | ForEach-Object { [string]$_ })
            TeamingMode                     = $(if ($team) { [string]$team.TeamingMode } else { $null })
            LoadBalancingAlgorithm          = $(if ($team) { [string]$team.LoadBalancingAlgorithm } else { $null })
        })
    }

    # Host vNICs: Get-VMNetworkAdapter -ManagementOS (Name, SwitchName, MacAddress), and the
    # VLAN of each: Get-VMNetworkAdapterVlan (OperationMode, AccessVlanId). Their adapter
    # in Windows is named "vEthernet (<Name>)" unless renamed; the MAC address joins them.
    # https://learn.microsoft.com/powershell/module/hyper-v/get-vmnetworkadapter
    # https://learn.microsoft.com/powershell/module/hyper-v/get-vmnetworkadaptervlan
    foreach ($v in @(Invoke-Read "Get-VMNetworkAdapter -ManagementOS on $name" { Hyper-V\Get-VMNetworkAdapter -ManagementOS -ComputerName $name } | Where-Object { $_ })) {
        $vlan = Invoke-Read "Get-VMNetworkAdapterVlan $($v.Name) on $name" { Hyper-V\Get-VMNetworkAdapterVlan -VMNetworkAdapter $v }
        $hostVnics.Add([pscustomobject]@{
            Node         = $name
            Name         = [string]$v.Name
            SwitchName   = [string]$v.SwitchName
            MacAddress   = [string]$v.MacAddress
            VlanMode     = $(if ($vlan) { [string]$vlan.OperationMode } else { $null })
            AccessVlanId = $(if ($vlan) { $vlan.AccessVlanId } else { $null })
        })
    }

    # Get-Volume: volumes with a drive letter (local storage that VM files may be on).
    # https://learn.microsoft.com/powershell/module/storage/get-volume
    foreach ($vol in @(Invoke-Read "Get-Volume on $name" { Get-Volume -CimSession $name } | Where-Object { $_ -and $_.DriveLetter })) {
        $volumes.Add([pscustomobject]@{
            Node            = $name
            DriveLetter     = [string]$vol.DriveLetter
            FileSystemLabel = [string]$vol.FileSystemLabel
            FileSystem      = [string]$vol.FileSystem
            DriveType       = [string]$vol.DriveType
            Size            = $vol.Size
            SizeRemaining   = $vol.SizeRemaining
        })
    }

    # Get-VM: Name, Id, State, ProcessorCount, MemoryStartup, DynamicMemoryEnabled,
    # MemoryMinimum and MemoryMaximum (bytes), Path, ConfigurationLocation, IsClustered;
    # Get-VMHardDiskDrive: each virtual disk's Path (a pass-through disk has DiskNumber
    # instead); Get-VMNetworkAdapter: the switch of each VM network adapter.
    # https://learn.microsoft.com/powershell/module/hyper-v/get-vm
    # https://learn.microsoft.com/powershell/module/hyper-v/get-vmharddiskdrive
    foreach ($vm in @(Invoke-Read "Get-VM on $name" { Hyper-V\Get-VM -ComputerName $name } | Where-Object { $_ })) {
        $disks = @(Invoke-Read "Get-VMHardDiskDrive $($vm.Name) on $name" { Hyper-V\Get-VMHardDiskDrive -VM $vm } | Where-Object { $_ } | ForEach-Object {
            [pscustomobject]@{
                Path               = [string]$_.Path
                ControllerType     = [string]$_.ControllerType
                ControllerNumber   = $_.ControllerNumber
                ControllerLocation = $_.ControllerLocation
                DiskNumber         = $_.DiskNumber
            }
        })
        $nics = @(Invoke-Read "Get-VMNetworkAdapter $($vm.Name) on $name" { Hyper-V\Get-VMNetworkAdapter -VM $vm } | Where-Object { $_ } | ForEach-Object {
            [pscustomobject]@{ Name = [string]$_.Name; SwitchName = [string]$_.SwitchName }
        })
        $vms.Add([pscustomobject]@{
            Node                  = $name
            Name                  = [string]$vm.Name
            Id                    = [string]$vm.Id
            State                 = [string]$vm.State
            ProcessorCount        = $vm.ProcessorCount
            MemoryStartup         = $vm.MemoryStartup
            DynamicMemoryEnabled  = [bool]$vm.DynamicMemoryEnabled
            MemoryMinimum         = $vm.MemoryMinimum
            MemoryMaximum         = $vm.MemoryMaximum
            Path                  = [string]$vm.Path
            ConfigurationLocation = [string]$vm.ConfigurationLocation
            IsClustered           = [bool]$vm.IsClustered
            Generation            = $vm.Generation
            HardDisks             = $disks
            NetworkAdapters       = $nics
        })
    }
}

# ------------------------------------------------------------- cluster storage, networks

# Get-ClusterSharedVolume: Name, OwnerNode, State, and SharedVolumeInfo: the mount point
# (FriendlyVolumeName, C:\ClusterStorage\VolumeN) and Partition.Size / FreeSpace in bytes.
# https://learn.microsoft.com/powershell/module/failoverclusters/get-clustersharedvolume
# $null (not an empty list) when the list cannot be read, so that the import does not take
# "not read" for "none".
$csvObjects = Invoke-ReadList 'Get-ClusterSharedVolume' { Get-ClusterSharedVolume -Cluster $Cluster }
# (The leading comma keeps a one-element array an array when the if statement outputs it.)
$sharedVolumes = if ($null -eq $csvObjects) { $null } else { ,@($csvObjects | ForEach-Object {
    $csv = $_
    $infos = @($csv.SharedVolumeInfo | Where-Object { $_ })
    $first = $infos | Select-Object -First 1
    [pscustomobject]@{
        Name      = [string]$csv.Name
        OwnerNode = Get-NameOf $csv.OwnerNode
        State     = [string]$csv.State
        Path      = $(if ($first) { [string]$first.FriendlyVolumeName } else { $null })
        Paths     = @($infos | ForEach-Object { [string]$_.FriendlyVolumeName })
        Size      = $(if ($first) { $first.Partition.Size } else { $null })
        FreeSpace = $(if ($first) { $first.Partition.FreeSpace } else { $null })
    }
}) }

# Get-ClusterNetwork: Name, Id, Role (0 none, 1 cluster only, 3 cluster and client),
# Address and AddressMask of its subnet, Metric.
# https://learn.microsoft.com/powershell/module/failoverclusters/get-clusternetwork
$networks = @(Invoke-Read 'Get-ClusterNetwork' { Get-ClusterNetwork -Cluster $Cluster } | Where-Object { $_ } | ForEach-Object {
    [pscustomobject]@{
        Name        = [string]$_.Name
        Id          = [string]$_.Id
        Role        = [int]$_.Role
        Address     = [string]$_.Address
        AddressMask = [string]$_.AddressMask
        Metric      = $_.Metric
        AutoMetric  = [bool]$_.AutoMetric
        State       = [string]$_.State
    }
})

# Get-ClusterNetworkInterface: which adapter (Adapter, the Windows name of a NIC or host
# vNIC) of which node (Node) is on which cluster network (Network).
# https://learn.microsoft.com/powershell/module/failoverclusters/get-clusternetworkinterface
$networkInterfaces = @(Invoke-Read 'Get-ClusterNetworkInterface' { Get-ClusterNetworkInterface -Cluster $Cluster } | Where-Object { $_ } | ForEach-Object {
    [pscustomobject]@{
        Name    = [string]$_.Name
        Node    = Get-NameOf $_.Node
        Network = Get-NameOf $_.Network
        Adapter = [string]$_.Adapter
        Address = [string]$_.Address
        State   = [string]$_.State
    }
})

# Live-migration networks: the "Virtual Machine" resource type's MigrationExcludeNetworks
# and MigrationNetworkOrder, cluster network ids separated by ";" (Failover Cluster Manager,
# Networks, Live Migration Settings). $null when they cannot be read, "" when none is set.
# https://learn.microsoft.com/powershell/module/failoverclusters/get-clusterparameter
$liveMigration = Invoke-Read 'live-migration settings' {
    $vmType = Get-ClusterResourceType -Cluster $Cluster -Name 'Virtual Machine'
    $exclude = $vmType | Get-ClusterParameter -Name MigrationExcludeNetworks
    $order = $vmType | Get-ClusterParameter -Name MigrationNetworkOrder
    [pscustomobject]@{
        MigrationExcludeNetworks = [string]$exclude.Value
        MigrationNetworkOrder    = [string]$order.Value
    }
}

# ------------------------------------------------------------------------------ VM roles

# Get-ClusterGroup of type VirtualMachine: Name, OwnerNode, State, Priority (3000 high,
# 2000 medium, 1000 low, 0 no auto start), AntiAffinityClassNames; Get-ClusterOwnerNode
# -Group: its preferred owners; of its Virtual Machine resource, Get-ClusterParameter VmID
# (the VM's Id, to join Get-VM) and Get-ClusterOwnerNode -Resource: its possible owners.
# https://learn.microsoft.com/powershell/module/failoverclusters/get-clustergroup
# https://learn.microsoft.com/powershell/module/failoverclusters/get-clusterownernode
# https://learn.microsoft.com/powershell/module/failoverclusters/get-clusterresource
# $null when the groups cannot be read: the import then tells clustered VMs by IsClustered.
$groupObjects = Invoke-ReadList 'Get-ClusterGroup' { Get-ClusterGroup -Cluster $Cluster }
$groups = if ($null -eq $groupObjects) { $null } else { ,@($groupObjects | Where-Object { [string]$_.GroupType -eq 'VirtualMachine' } | ForEach-Object {
    $g = $_
    $preferred = Invoke-Read "Get-ClusterOwnerNode -Group $($g.Name)" { Get-ClusterOwnerNode -Cluster $Cluster -Group $g.Name }
    $resource = Invoke-Read "Get-ClusterResource of $($g.Name)" { $g | Get-ClusterResource | Where-Object { (Get-NameOf $_.ResourceType) -eq 'Virtual Machine' } | Select-Object -First 1 }
    $vmId = $null
    $possible = $null
    if ($resource) {
        $vmId = Invoke-Read "VmID of $($resource.Name)" { ($resource | Get-ClusterParameter -Name VmID).Value }
        $possible = Invoke-Read "Get-ClusterOwnerNode -Resource $($resource.Name)" { Get-ClusterOwnerNode -Cluster $Cluster -Resource $resource.Name }
    }
    [pscustomobject]@{
        Name                   = [string]$g.Name
        GroupType              = [string]$g.GroupType
        OwnerNode              = Get-NameOf $g.OwnerNode
        State                  = [string]$g.State
        Priority               = $g.Priority
        AntiAffinityClassNames = @($g.AntiAffinityClassNames | Where-Object { $_ } | ForEach-Object { [string]$_ })
        PreferredOwners        = @($(if ($preferred) { $preferred.OwnerNodes }) | Where-Object { $_ } | ForEach-Object { Get-NameOf $_ })
        PossibleOwners         = @($(if ($possible) { $possible.OwnerNodes }) | Where-Object { $_ } | ForEach-Object { Get-NameOf $_ })
        VmId                   = $(if ($vmId) { [string]$vmId } else { $null })
    }
}) }

# ------------------------------------------------------------------------------ the file

$inventory = [ordered]@{
    vtopoInventory    = 'hyperv'
    version           = 1
    script            = 'hyperv-inventory.ps1'
    exported          = (Get-Date).ToUniversalTime().ToString('yyyy-MM-dd"T"HH:mm:ss"Z"', [System.Globalization.CultureInfo]::InvariantCulture)
    collectedOn       = [string]$env:COMPUTERNAME
    cluster           = $clusterInfo
    quorum            = $quorumInfo
    nodes             = $nodes.ToArray()
    netAdapters       = $netAdapters.ToArray()
    lbfoTeams         = $lbfoTeams.ToArray()
    vmSwitches        = $vmSwitches.ToArray()
    hostVnics         = $hostVnics.ToArray()
    volumes           = $volumes.ToArray()
    sharedVolumes     = $sharedVolumes
    networks          = $networks
    networkInterfaces = $networkInterfaces
    liveMigration     = $liveMigration
    groups            = $groups
    vms               = $vms.ToArray()
    errors            = $script:Errors.ToArray()
}

$json = ConvertTo-Json -InputObject $inventory -Depth 6
# A path relative to the current PowerShell location, not the process's directory.
$target = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path)
# UTF-8 without a byte order mark.
[System.IO.File]::WriteAllText($target, $json, (New-Object System.Text.UTF8Encoding $false))

Write-Host ("Wrote {0}: cluster {1}, {2} node(s), {3} VM(s), {4} cluster group(s), {5} item(s) not read." -f $target, $clusterInfo.Name, $nodes.Count, $vms.Count, $(if ($null -eq $groups) { 0 } else { $groups.Count }), $script:Errors.Count)
if ($script:Errors.Count -gt 0) {
    Write-Warning 'Some items could not be read (listed under "errors" in the file):'
    $script:Errors | ForEach-Object { Write-Warning $_ }
}
